package io.tessera.core.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MapTileRendererTest {
  private static final int N = 2000;
  private static final double CELL = 0.05;
  private static final double X0 = 500_000;
  private static final double Y0 = 5_000_000;

  /** A UTM 33N grid whose grey runs from black at the west edge to white at the east. */
  private static ArrayRaster gradient() {
    float[] v = new float[N * N];
    for (int r = 0; r < N; r++) {
      for (int c = 0; c < N; c++) {
        v[r * N + c] = c;
      }
    }
    return new ArrayRaster(N, N, v, GeoTransform.northUp(X0, Y0, CELL, CELL), OptionalInt.of(32633),
        OptionalDouble.empty());
  }

  /** {@link #gradient()} as an ortho: grey from black at the west edge to white at the east. */
  private static Raster greyOrtho() {
    return new RgbRaster(N, N, gradient().transform(), OptionalInt.of(32633), (x, y) -> {
      int g = Math.round(x / (float) (N - 1) * 255);
      return 0xff000000 | g << 16 | g << 8 | g;
    });
  }

  @Test
  void aTilePixelShowsTheRasterCellUnderIt() throws Exception {
    Raster r = greyOrtho();
    Crs utm = Crs.parse("EPSG:32633");
    Crs wgs = Crs.parse("EPSG:4326");
    // the ground position of cell (1500.5, 700.5)'s centre
    Position ground = new Position(X0 + 1500.5 * CELL, Y0 - 700.5 * CELL, Double.NaN);
    Position ll = utm.transformTo(wgs).apply(ground);
    int z = 22;
    WorldPixel wp = WebMercator.toWorldPixel(new LonLat(ll.x(), ll.y()), z);
    int tx = (int) Math.floor(wp.x() / 256);
    int ty = (int) Math.floor(wp.y() / 256);
    CrsTransform toUtm = wgs.transformTo(utm);
    int[] tile = MapTileRenderer.render(List.of(r, new Downsampled(r)), toUtm, z, tx, ty);
    assertThat(tile).isNotNull().hasSize(256 * 256);
    int ox = (int) Math.floor(wp.x() - tx * 256.0);
    int oy = (int) Math.floor(wp.y() - ty * 256.0);
    int argb = tile[oy * 256 + ox];
    assertThat(argb >>> 24).isEqualTo(255);
    double expectedGrey = 1500 / (double) (N - 1) * 255;
    // a z22 pixel is ~2.6 cm at 45°N: within a cell or so of the point
    assertThat((double) (argb & 0xff)).isCloseTo(expectedGrey, within(1.5));
  }

  @Test
  void tilesOffTheRasterAreNullAndEdgesTransparent() throws Exception {
    ArrayRaster r = gradient();
    Crs utm = Crs.parse("EPSG:32633");
    Crs wgs = Crs.parse("EPSG:4326");
    CrsTransform toUtm = wgs.transformTo(utm);
    assertThat(MapTileRenderer.render(List.of(r), toUtm, 18, 0, 0)).isNull();
    // a DSM's colours span its whole range in every tile: a z21 tile in the middle of the DSM
    // shows column 1000's elevation in the colour of 1000 / 1999 of the range
    Position middle = utm.transformTo(wgs).apply(
        new Position(X0 + 1000.5 * CELL, Y0 - N * CELL / 2, Double.NaN));
    WorldPixel p = WebMercator.toWorldPixel(new LonLat(middle.x(), middle.y()), 21);
    int[] t = MapTileRenderer.render(List.of(r, new Downsampled(r)), toUtm, 21,
        (int) (p.x() / 256), (int) (p.y() / 256));
    int colour = t[(int) (p.y() % 256) * 256 + (int) (p.x() % 256)];
    int expected = MapTileRenderer.ramp(1000 / 1999.0);
    for (int shift = 0; shift < 32; shift += 8) {
      assertThat(colour >> shift & 0xff).isCloseTo(expected >> shift & 0xff, within(3));
    }
  }

  @Test
  void downsamplingAveragesAndSkipsMissingCells() throws Exception {
    float nd = -9999f;
    float[] v = {1, 3, 5, nd, nd, nd, 7, 9, 2};
    ArrayRaster r = new ArrayRaster(3, 3, v, GeoTransform.northUp(0, 3, 1, 1), OptionalInt.empty(),
        OptionalDouble.of(nd));
    Downsampled d = new Downsampled(r);
    assertThat(d.width()).isEqualTo(2);
    assertThat(d.height()).isEqualTo(2);
    assertThat(d.transform().pixelWidth()).isEqualTo(2);
    float[] out = new float[4];
    d.readFloats(0, 0, 0, 2, 2, out);
    assertThat(out).containsExactly(2f, 5f, 8f, 2f);
    float[] allMissing = {nd, nd, nd, nd};
    Downsampled empty = new Downsampled(new ArrayRaster(2, 2, allMissing,
        GeoTransform.northUp(0, 2, 1, 1), OptionalInt.empty(), OptionalDouble.of(nd)));
    float[] one = new float[1];
    empty.readFloats(0, 0, 0, 1, 1, one);
    assertThat(one[0]).isEqualTo(nd);
  }
}
