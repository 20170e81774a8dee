package io.tessera.core.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The GeoTIFF fixtures of src/test/resources/rasters (written by make-fixtures.py with GDAL) and
 * the formulas their samples follow, recomputed here.
 */
final class GeoTiffFixtures {
  static final int W = 157;
  static final int H = 123;

  static final GeoTransform NORTH_UP = new GeoTransform(500000.0, 0.5, 0, 5200000.0, 0, -0.5);
  static final GeoTransform SWISS = new GeoTransform(2600000.0, 0.25, 0, 1200000.0, 0, -0.25);
  static final GeoTransform GEO = new GeoTransform(7.25, 0.0001, 0, 46.5, 0, -0.0001);
  static final GeoTransform ROTATED = new GeoTransform(500000.0, 0.4330127018922193, 0.25,
      5200000.0, 0.25, -0.4330127018922193);

  /** What a fixture holds. */
  enum Kind {
    F32(SampleType.FLOAT32, 1, -9999),
    I16(SampleType.INT16, 1, -32768),
    U16(SampleType.UINT16, 1, 65535),
    RGB(SampleType.UINT8, 3, Double.NaN),
    RGBA(SampleType.UINT8, 4, Double.NaN);

    final SampleType type;
    final int bands;
    final double noData;

    Kind(SampleType type, int bands, double noData) {
      this.type = type;
      this.bands = bands;
      this.noData = noData;
    }

    OptionalDouble noDataValue() {
      return Double.isNaN(noData) ? OptionalDouble.empty() : OptionalDouble.of(noData);
    }
  }

  record Fixture(String name, Kind kind, GeoTransform transform, int epsg) {
    Path path() {
      return file(name);
    }

    boolean big() {
      return name.startsWith("big-");
    }

    /** Whether the JDK's reader can decode it: classic, no predictor 3, no 16-bit predictor 2. */
    boolean jdkReadable() {
      return !big() && !name.contains("-p3") && !(name.contains("-p2") && kind.type.bytes() == 2);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Fixture> CLASSIC = List.of(
      new Fixture("dsm-f32-tiled-deflate-p3.tif", Kind.F32, NORTH_UP, 32633),
      new Fixture("dsm-f32-striped-lzw.tif", Kind.F32, SWISS, 2056),
      new Fixture("dsm-f32-striped-none-point.tif", Kind.F32, GEO, 4326),
      new Fixture("dsm-f32-rotated-deflate.tif", Kind.F32, ROTATED, 32633),
      new Fixture("dsm-i16-tiled-lzw-p2.tif", Kind.I16, SWISS, 2056),
      new Fixture("dsm-u16-striped-deflate-p2.tif", Kind.U16, NORTH_UP, 32633),
      new Fixture("ortho-rgb-tiled-deflate.tif", Kind.RGB, NORTH_UP, 32633),
      new Fixture("ortho-rgba-striped-lzw-p2.tif", Kind.RGBA, SWISS, 2056),
      new Fixture("ortho-rgb-band-tiled-none.tif", Kind.RGB, NORTH_UP, 32633));

  static final List<Fixture> BIG = List.of(
      new Fixture("big-dsm-f32-tiled-deflate-p3.tif", Kind.F32, NORTH_UP, 32633),
      new Fixture("big-dsm-f32-striped-lzw-point.tif", Kind.F32, GEO, 4326),
      new Fixture("big-dsm-f32-rotated-none.tif", Kind.F32, ROTATED, 32633),
      new Fixture("big-dsm-i16-tiled-none.tif", Kind.I16, SWISS, 2056),
      new Fixture("big-dsm-u16-striped-lzw-p2.tif", Kind.U16, NORTH_UP, 32633),
      new Fixture("big-ortho-rgb-tiled-lzw.tif", Kind.RGB, NORTH_UP, 32633),
      new Fixture("big-ortho-rgba-tiled-deflate-p2.tif", Kind.RGBA, SWISS, 2056),
      new Fixture("big-ortho-rgb-band-striped-deflate.tif", Kind.RGB, NORTH_UP, 32633));

  /** Windows that cross the fixtures' 64×32 tiles and 10-row strips, and the edges. */
  static final List<int[]> WINDOWS = List.of(
      new int[] {0, 0, W, H}, new int[] {13, 7, 71, 45}, new int[] {63, 31, 3, 3},
      new int[] {60, 28, 70, 40}, new int[] {150, 118, 7, 5}, new int[] {64, 0, 1, H},
      new int[] {0, 32, W, 1}, new int[] {127, 95, 30, 28});

  private GeoTiffFixtures() {}

  static List<Fixture> all() {
    return java.util.stream.Stream.concat(CLASSIC.stream(), BIG.stream()).toList();
  }

  static Path file(String name) {
    try {
      return Path.of(GeoTiffFixtures.class.getResource("/rasters/make-fixtures.py").toURI())
          .resolveSibling(name);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean hole(int col, int row) {
    return (7 * col + 3 * row) % 37 == 0;
  }

  /** The sample the fixture's formula gives at (col, row) of band. */
  static float expected(Kind kind, int band, int col, int row) {
    return switch (kind) {
      case F32 -> hole(col, row) ? -9999f : (float) (100 + 0.25 * col - 0.1 * row);
      case I16 -> hole(col, row) ? -32768 : (short) (-500 + 3 * col - 7 * row);
      case U16 -> hole(col, row) ? 65535 : 1000 + 5 * col + 11 * row;
      case RGB, RGBA -> switch (band) {
        case 0 -> (3 * col) % 256;
        case 1 -> (5 * row) % 256;
        case 2 -> (col + row) % 256;
        default -> (col + row) % 29 == 0 ? 0 : 255;
      };
    };
  }

  /** Reads every band of window (x, y, w, h) and checks each sample against the formula. */
  static void checkWindow(Raster r, Kind kind, int x, int y, int w, int h) throws IOException {
    for (int b = 0; b < kind.bands; b++) {
      float[] v = new float[w * h];
      r.readFloats(b, x, y, w, h, v);
      for (int row = 0; row < h; row++) {
        for (int col = 0; col < w; col++) {
          float want = expected(kind, b, x + col, y + row);
          if (Float.compare(v[row * w + col], want) != 0) {
            assertThat(v[row * w + col])
                .as("band %d at col %d row %d (window %d,%d %d×%d)", b, x + col, y + row, x, y,
                    w, h)
                .isEqualTo(want);
          }
        }
      }
    }
  }
}
