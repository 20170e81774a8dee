package io.tessera.core.geo;

/**
 * The square of an ancestor tile's image that covers a finer tile, in the ancestor's pixels (0 to
 * 256, origin at its top-left corner). Drawing that square scaled up to the finer tile's size
 * over-zooms the ancestor.
 *
 * @param ancestor the coarser tile whose image is drawn
 * @param x left edge of the square, ancestor pixels
 * @param y top edge of the square, ancestor pixels
 * @param size edge length of the square, ancestor pixels: {@code 256 / 2^(zoom difference)}
 */
public record SubTile(TileKey ancestor, double x, double y, double size) {}
