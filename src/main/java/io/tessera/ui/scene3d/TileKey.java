package io.tessera.ui.scene3d;

/**
 * One tile of a {@link TerrainSource}'s quadtree: level 0 is the root covering the whole DSM, each
 * level halves the step between vertices; {@code tx}, {@code ty} count tiles from the top-left.
 */
public record TileKey(int level, int tx, int ty) {

  /** The tile's four children at the next level (some may lie outside the DSM). */
  public TileKey[] children() {
    int l = level + 1;
    return new TileKey[] {
      new TileKey(l, 2 * tx, 2 * ty), new TileKey(l, 2 * tx + 1, 2 * ty),
      new TileKey(l, 2 * tx, 2 * ty + 1), new TileKey(l, 2 * tx + 1, 2 * ty + 1)
    };
  }

  /** The tile one level up that contains this one; the root is its own parent. */
  public TileKey parent() {
    return level == 0 ? this : new TileKey(level - 1, tx / 2, ty / 2);
  }

  /** Whether {@code other} is this tile or lies inside it. */
  public boolean contains(TileKey other) {
    if (other.level < level) {
      return false;
    }
    int shift = other.level - level;
    return (other.tx >> shift) == tx && (other.ty >> shift) == ty;
  }
}
