package io.tessera.ui.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.GeoTransform;
import io.tessera.ui.volume.VolumeOverlay.Tint;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/** The cut/fill tint over a DSM in memory, and the overview level chosen for a view. */
class VolumeOverlayTest {
  private static ArrayRaster cone() {
    int n = ConeProject.SIZE;
    float[] v = new float[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double x = ConeProject.X0 + (c + 0.5) * ConeProject.CELL;
        double y = ConeProject.Y0 - (r + 0.5) * ConeProject.CELL;
        // a pit beside the cone, 1 m deep, radius 2 m
        double pit = Math.max(0, 1 - Math.hypot(x - 500026, y - 5200026) / 2);
        v[r * n + c] = (float) (ConeProject.elevation(x, y) - pit);
      }
    }
    return new ArrayRaster(n, n, v, GeoTransform.northUp(ConeProject.X0, ConeProject.Y0,
        ConeProject.CELL, ConeProject.CELL), OptionalInt.of(32633), OptionalDouble.empty());
  }

  @Test
  void cellsAboveTheBaseAreCutBelowAreFillAndOutsideClear() throws Exception {
    ProjectFrame frame = new ProjectFrame(1, "Cone", "EPSG:32633");
    List<double[]> ring = List.of(new double[] {500005, 5200005}, new double[] {500029, 5200005},
        new double[] {500029, 5200029}, new double[] {500005, 5200029});
    DoubleBinaryOperator flat = (x, y) -> ConeProject.GROUND;

    Tint t = VolumeOverlay.compute(cone(), 2, ring, flat, frame);

    assertThat(t.level()).isEqualTo(2);
    assertThat(t.maxCut()).isCloseTo(ConeProject.HEIGHT, within(0.05));
    assertThat(t.maxFill()).isCloseTo(1, within(0.05));
    assertThat(t.width()).isEqualTo(480);
    assertThat(t.height()).isEqualTo(480);
    // window from (500005, 5200029): the cone's top at column 200, row 280
    int top = t.argb()[280 * 480 + 200];
    assertThat(top >>> 24).as("opaque enough to see").isGreaterThan(100);
    assertThat(top & 0xffffff).isEqualTo(VolumeOverlayTest.rgb(VolumeOverlay.CUT));
    int pit = t.argb()[60 * 480 + 420];
    assertThat(pit & 0xffffff).isEqualTo(VolumeOverlayTest.rgb(VolumeOverlay.FILL));
    assertThat(t.argb()[20 * 480 + 20] >>> 24).as("flat ground on the base is clear").isZero();
    assertThat(t.topLeft().latDeg()).isGreaterThan(t.bottomLeft().latDeg());
    assertThat(t.topRight().lonDeg()).isGreaterThan(t.topLeft().lonDeg());
  }

  static int rgb(javafx.scene.paint.Color c) {
    return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
        | (int) Math.round(c.getBlue() * 255);
  }

  @Test
  void theLevelFitsTheViewAndKeepsTheWindowSmall() {
    assertThat(VolumeOverlay.level(0.05, 0.04, 20, 10)).isZero();
    assertThat(VolumeOverlay.level(0.05, 0.2, 20, 10)).isEqualTo(2);
    assertThat(VolumeOverlay.level(0.05, 0.01, 500, 10)).as("500 m in ≤ 1024 cells").isEqualTo(4);
    assertThat(VolumeOverlay.level(0.05, 100, 20, 3)).as("no coarser than the last level")
        .isEqualTo(3);
  }
}
