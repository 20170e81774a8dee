package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Submissions placed for the map: an STR-tree over their Web Mercator positions finds the ones in
 * view, and a {@link Frame} groups those into marks for one view, clustering them on a grid when
 * more than a threshold are in view, and answers which mark lies under the mouse through a grid of
 * the marks. Submissions without a position are left out. Building is not thread-safe; a built
 * index is only read.
 */
final class SubmissionIndex {
  /** A submission and its world pixel at zoom 0. */
  record Entry(SubmissionDto submission, double x0, double y0) {}

  /**
   * What the map draws at one place: one submission, or a cluster of several. Positions are world
   * pixels at the frame's zoom.
   */
  record Mark(double x, double y, List<Entry> members) {
    boolean isCluster() {
      return members.size() > 1;
    }

    /** Drawn radius, pixels: a dot, or a disc that grows with the log of its count. */
    double radius() {
      return isCluster() ? 11 + 3 * Math.log10(members.size()) : 5;
    }

    /** How near the mouse must come to hit the mark, pixels: a little more than it is drawn. */
    double hitRadius() {
      return radius() + 3;
    }
  }

  private final STRtree tree = new STRtree();
  private final int size;

  SubmissionIndex(Collection<SubmissionDto> submissions) {
    int n = 0;
    for (SubmissionDto s : submissions) {
      if (s.location() == null) {
        continue;
      }
      WorldPixel p = WebMercator.toWorldPixel(new LonLat(s.location().lng(), s.location().lat()), 0);
      tree.insert(new Envelope(p.x(), p.x(), p.y(), p.y()), new Entry(s, p.x(), p.y()));
      n++;
    }
    tree.build();
    size = n;
  }

  /** How many submissions have a position. */
  int size() {
    return size;
  }

  /**
   * The marks for a view at {@code zoom} whose top-left corner is world pixel ({@code left}, {@code
   * top}) and that is {@code width} × {@code height} pixels, with a margin of the largest mark so
   * that marks straddling the edge are drawn. When more than {@code clusterAbove} submissions are
   * in view they are clustered on cells of {@code cellPixels} aligned to the world (so clusters do
   * not change while panning), each drawn at the centroid of its members.
   */
  Frame frame(double zoom, double left, double top, double width, double height, int clusterAbove, double cellPixels) {
    double scale = Math.pow(2, zoom);
    double margin = cellPixels;
    Envelope view = new Envelope(
        (left - margin) / scale, (left + width + margin) / scale,
        (top - margin) / scale, (top + height + margin) / scale);
    @SuppressWarnings("unchecked")
    List<Entry> inView = tree.query(view);
    List<Mark> marks = new ArrayList<>();
    if (inView.size() <= clusterAbove) {
      for (Entry e : inView) {
        marks.add(new Mark(e.x0() * scale, e.y0() * scale, List.of(e)));
      }
    } else {
      Map<Long, List<Entry>> cells = new LinkedHashMap<>();
      for (Entry e : inView) {
        cells.computeIfAbsent(cellKey(e.x0() * scale, e.y0() * scale, cellPixels), k -> new ArrayList<>()).add(e);
      }
      for (List<Entry> members : cells.values()) {
        double x = 0;
        double y = 0;
        for (Entry e : members) {
          x += e.x0();
          y += e.y0();
        }
        marks.add(new Mark(x / members.size() * scale, y / members.size() * scale, members));
      }
    }
    return new Frame(marks, cellPixels);
  }

  private static long cellKey(double x, double y, double cell) {
    return ((long) Math.floor(x / cell) << 32) ^ ((long) Math.floor(y / cell) & 0xffffffffL);
  }

  /** The marks of one view, with a grid over them for hit-testing. */
  static final class Frame {
    private final List<Mark> marks;
    private final double cell;
    private final Map<Long, List<Mark>> grid = new HashMap<>();

    private Frame(List<Mark> marks, double cell) {
      this.marks = marks;
      this.cell = cell;
      for (Mark m : marks) {
        grid.computeIfAbsent(cellKey(m.x(), m.y(), cell), k -> new ArrayList<>()).add(m);
      }
    }

    List<Mark> marks() {
      return marks;
    }

    /** The mark whose hit radius holds world pixel (x, y), the nearest if several; else null. */
    Mark hit(double x, double y) {
      Mark best = null;
      double bestDistance = Double.POSITIVE_INFINITY;
      long cx = (long) Math.floor(x / cell);
      long cy = (long) Math.floor(y / cell);
      // hit radii are smaller than a cell, so the mark lies in this cell or a neighbour
      for (long i = cx - 1; i <= cx + 1; i++) {
        for (long j = cy - 1; j <= cy + 1; j++) {
          for (Mark m : grid.getOrDefault((i << 32) ^ (j & 0xffffffffL), List.of())) {
            double d = Math.hypot(m.x() - x, m.y() - y);
            if (d <= m.hitRadius() && d < bestDistance) {
              best = m;
              bestDistance = d;
            }
          }
        }
      }
      return best;
    }
  }
}
