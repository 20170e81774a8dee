package io.tessera.ui.image;

import io.tessera.core.dzi.DziPyramid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which pyramid level and tiles a view needs, and which part of the image each tile covers.
 * Areas are in full-resolution image pixels, so that tiles of different levels line up exactly:
 * a pixel of level {@code L} covers {@code 2^(maxLevel − L)} image pixels a side.
 */
final class TileGrid {
  private TileGrid() {}

  /**
   * The coarsest level whose pixels are no larger than a screen pixel at {@code scale} (screen
   * pixels per image pixel), within {@code coarsest}..maxLevel: past 1:1 it is the full
   * resolution, at 1/2 the level below, at 0.3 two levels below.
   */
  static int levelFor(DziInfo info, double scale, int coarsest) {
    int max = info.maxLevel();
    // 1e-9: a scale of exactly 1/2 must pick the half level, not the one above through rounding
    int level = max + (int) Math.ceil(Math.log(scale) / Math.log(2) - 1e-9);
    return Math.max(Math.min(coarsest, max), Math.min(max, level));
  }

  /** Image pixels per pixel of {@code level}. */
  static double factor(DziInfo info, int level) {
    return Math.scalb(1.0, info.maxLevel() - level);
  }

  /**
   * The finest level held in one tile, at least {@code coarsest}: drawn under everything that is
   * not loaded yet, and in the minimap.
   */
  static int overviewLevel(DziInfo info, int coarsest) {
    DziPyramid p = info.pyramid();
    int level = Math.min(coarsest, p.maxLevel());
    while (level < p.maxLevel() && p.columns(level + 1) == 1 && p.rows(level + 1) == 1) {
      level++;
    }
    return level;
  }

  /**
   * The tiles of {@code level} that {@code view} shows, nearest to the viewport's centre first
   * (they load first).
   */
  static List<TileId> visible(DziInfo info, int level, Viewport view) {
    List<TileId> tiles = new ArrayList<>();
    double x0 = Math.max(0, view.pixelX(0));
    double y0 = Math.max(0, view.pixelY(0));
    double x1 = Math.min(info.width(), view.pixelX(view.width()));
    double y1 = Math.min(info.height(), view.pixelY(view.height()));
    if (!(x1 > x0 && y1 > y0)) {
      return tiles;
    }
    DziPyramid p = info.pyramid();
    double span = factor(info, level) * info.tileSize();
    int c0 = (int) Math.floor(x0 / span);
    int r0 = (int) Math.floor(y0 / span);
    int c1 = Math.min(p.columns(level) - 1, (int) Math.ceil(x1 / span) - 1);
    int r1 = Math.min(p.rows(level) - 1, (int) Math.ceil(y1 / span) - 1);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        tiles.add(new TileId(level, c, r));
      }
    }
    double cx = view.pixelX(view.width() / 2);
    double cy = view.pixelY(view.height() / 2);
    tiles.sort(Comparator.comparingDouble(t -> {
      Area a = area(info, t);
      return Math.hypot((a.x0() + a.x1()) / 2 - cx, (a.y0() + a.y1()) / 2 - cy);
    }));
    return tiles;
  }

  /** The image area a tile stands for, overlap excluded, in image pixels. */
  static Area area(DziInfo info, TileId tile) {
    double span = factor(info, tile.level()) * info.tileSize();
    return new Area(
        tile.column() * span,
        tile.row() * span,
        Math.min(info.width(), (tile.column() + 1) * span),
        Math.min(info.height(), (tile.row() + 1) * span));
  }

  /** The finer tiles (up to four) that share {@code tile}'s area, or none at the full level. */
  static List<TileId> children(DziInfo info, TileId tile) {
    DziPyramid p = info.pyramid();
    int level = tile.level() + 1;
    if (level > p.maxLevel()) {
      return List.of();
    }
    List<TileId> children = new ArrayList<>(4);
    for (int r = 2 * tile.row(); r <= Math.min(2 * tile.row() + 1, p.rows(level) - 1); r++) {
      for (int c = 2 * tile.column(); c <= Math.min(2 * tile.column() + 1, p.columns(level) - 1);
          c++) {
        children.add(new TileId(level, c, r));
      }
    }
    return children;
  }

  /**
   * An axis-aligned area of the image, in image pixels: {@code [x0, x1) × [y0, y1)}.
   */
  record Area(double x0, double y0, double x1, double y1) {}
}
