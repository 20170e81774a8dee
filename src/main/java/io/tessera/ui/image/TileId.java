package io.tessera.ui.image;

/** One tile of a pyramid: its level (0 is 1×1) and its column and row within that level. */
record TileId(int level, int column, int row) {

  /** The tile at the coarser {@code level} whose area holds this one's. */
  TileId ancestor(int level) {
    int up = this.level - level;
    return new TileId(level, column >> up, row >> up);
  }
}
