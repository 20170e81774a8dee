package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TriangulationTest {
  private static final Intrinsics DRONE = Intrinsics.of(4000, 3000, 2860);

  private static CameraModel camera(double east, double north, double up, double yaw, double pitch) {
    return new CameraModel(DRONE,
        new Pose(new Vec3(east, north, up), AngleConvention.DJI_GIMBAL.cameraToEnu(yaw, pitch, 0)));
  }

  @Property(tries = 300)
  void exactMarksGiveThePointExactly(
      @ForAll @DoubleRange(min = -40, max = 40) double x,
      @ForAll @DoubleRange(min = -30, max = 30) double y,
      @ForAll @DoubleRange(min = -15, max = 15) double z,
      @ForAll @IntRange(min = 2, max = 6) int photos,
      @ForAll @DoubleRange(min = -180, max = 180) double yaw,
      @ForAll @DoubleRange(min = -90, max = -60) double pitch) {
    Vec3 point = new Vec3(x, y, z);
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < photos; i++) {
      CameraModel cam = camera(-30 + 20 * i, 10 * (i % 2), 80 + 3 * i, yaw + 7 * i, pitch);
      cam.project(point).ifPresent(p -> obs.add(new Observation(cam, p)));
    }
    if (obs.size() < 2) {
      return;
    }
    Triangulation.Result r = Triangulation.triangulate(obs).orElseThrow();
    assertThat(r.point().distance(point)).isLessThan(1e-6);
    assertThat(r.rmsErrorPx()).isLessThan(1e-6);
  }

  @Test
  void noisyMarksGiveThePointWithinTheirGeometricPrecision() {
    Random rnd = new Random(5);
    Vec3 point = new Vec3(3, -4, 2);
    double worst = 0;
    double sumSq = 0;
    int n = 500;
    for (int t = 0; t < n; t++) {
      // two photos 80 m up, 20 m apart: depth precision ≈ Z² / (B f) × σ √2 ≈ 0.08 m for σ = 0.5 px
      List<Observation> obs = new ArrayList<>();
      for (CameraModel cam : List.of(camera(-10, 0, 80, 0, -90), camera(10, 0, 80, 0, -90))) {
        ImagePoint p = cam.project(point).orElseThrow();
        obs.add(new Observation(cam,
            new ImagePoint(p.x() + 0.5 * rnd.nextGaussian(), p.y() + 0.5 * rnd.nextGaussian())));
      }
      Triangulation.Result r = Triangulation.triangulate(obs).orElseThrow();
      double e = r.point().distance(point);
      worst = Math.max(worst, e);
      sumSq += e * e;
    }
    assertThat(Math.sqrt(sumSq / n)).isLessThan(0.12);
    assertThat(worst).isLessThan(0.5);
  }

  @Test
  void oneMarkOrParallelRaysFixNoPoint() {
    CameraModel a = camera(0, 0, 80, 0, -90);
    assertThat(Triangulation.triangulate(List.of(new Observation(a, new ImagePoint(2000, 1500)))))
        .isEmpty();
    // the same ray from two positions along it
    CameraModel b = camera(0, 0, 60, 0, -90);
    assertThat(Triangulation.triangulate(List.of(
        new Observation(a, new ImagePoint(2000, 1500)), new Observation(b, new ImagePoint(2000, 1500)))))
        .isEmpty();
  }
}
