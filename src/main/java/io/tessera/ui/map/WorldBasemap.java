package io.tessera.ui.map;

import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Natural Earth 1:50m land and country borders, projected once to zoom-0 world pixels (0 to 256).
 * Read from {@code world-50m.bin.gz}, written by {@code tools/basemap/build-basemap.js}, whose
 * header describes the format. Immutable, so safe to share between render threads.
 */
final class WorldBasemap {
  private static final String RESOURCE = "world-50m.bin.gz";

  /** A land polygon: outer ring then holes, each as x0, y0, x1, y1, … in zoom-0 pixels. */
  record Polygon(List<Ring> rings, Box box) {}

  /**
   * A ring or line in zoom-0 pixels, with which of its segments lie on the data's artificial edges
   * (the antimeridian and the south pole), where no coastline should be drawn.
   */
  record Ring(double[] xy, boolean[] artificialSegment, Box box) {}

  /** A bounding box in zoom-0 pixels. */
  record Box(double minX, double minY, double maxX, double maxY) {
    boolean intersects(double x0, double y0, double x1, double y1) {
      return minX <= x1 && maxX >= x0 && minY <= y1 && maxY >= y0;
    }
  }

  private final List<Polygon> land;
  private final List<Ring> borders;

  private WorldBasemap(List<Polygon> land, List<Ring> borders) {
    this.land = land;
    this.borders = borders;
  }

  List<Polygon> land() {
    return land;
  }

  List<Ring> borders() {
    return borders;
  }

  /** The basemap bundled with Tessera, read once on first use. */
  static WorldBasemap bundled() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final WorldBasemap BUNDLED = read();
  }

  private static WorldBasemap read() {
    try (InputStream raw = WorldBasemap.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("basemap resource missing: " + RESOURCE);
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
      byte[] magic = in.readNBytes(4);
      if (!"TBM1".equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new IllegalStateException("not a Tessera basemap: " + RESOURCE);
      }
      List<Polygon> land = new ArrayList<>();
      for (int p = in.readInt(); p > 0; p--) {
        List<Ring> rings = new ArrayList<>();
        for (int r = in.readInt(); r > 0; r--) {
          rings.add(readRing(in));
        }
        land.add(new Polygon(List.copyOf(rings), rings.get(0).box()));
      }
      List<Ring> borders = new ArrayList<>();
      for (int l = in.readInt(); l > 0; l--) {
        borders.add(readRing(in));
      }
      return new WorldBasemap(List.copyOf(land), List.copyOf(borders));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read basemap " + RESOURCE, e);
    }
  }

  private static Ring readRing(DataInputStream in) throws IOException {
    int n = in.readInt();
    double[] xy = new double[2 * n];
    boolean[] artificial = new boolean[Math.max(0, n - 1)];
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    float prevLon = 0;
    float prevLat = 0;
    for (int i = 0; i < n; i++) {
      float lon = in.readFloat();
      float lat = in.readFloat();
      WorldPixel p = WebMercator.toWorldPixel(new LonLat(lon, lat), 0);
      xy[2 * i] = p.x();
      xy[2 * i + 1] = p.y();
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.y());
      if (i > 0) {
        artificial[i - 1] = (Math.abs(lon) > 179.99 && Math.abs(prevLon) > 179.99)
            || (lat < -89.9 && prevLat < -89.9);
      }
      prevLon = lon;
      prevLat = lat;
    }
    return new Ring(xy, artificial, new Box(minX, minY, maxX, maxY));
  }
}
