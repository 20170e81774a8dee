package io.tessera.ui.scene3d;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.shape.TriangleMesh;
import org.junit.jupiter.api.Test;

class SampleTerrainTest {

  @Test
  void heightsSpanZeroToTheRelief() {
    float[] h = SampleTerrain.heights(SampleTerrain.GRID);

    assertThat(h).hasSize(SampleTerrain.GRID * SampleTerrain.GRID);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : h) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isZero();
    assertThat((double) max).isEqualTo(SampleTerrain.RELIEF, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void theMeshHasTwoTrianglesPerCellAllFacingUp() {
    int n = 16;
    TriangleMesh mesh = SampleTerrain.mesh(SampleTerrain.heights(n), n);
    float[] p = mesh.getPoints().toArray(null);
    int[] f = mesh.getFaces().toArray(null);

    assertThat(p).hasSize(n * n * 3);
    assertThat(mesh.getTexCoords().size()).isEqualTo(n * n * 2);
    assertThat(f).hasSize((n - 1) * (n - 1) * 2 * 6);
    for (int i = 0; i < f.length; i += 6) {
      int a = f[i] * 3;
      int b = f[i + 2] * 3;
      int c = f[i + 4] * 3;
      // y of (b − a) × (c − a): negative means the face's normal points up (JavaFX's y is down).
      double ny = (p[b + 2] - p[a + 2]) * (p[c] - p[a]) - (p[b] - p[a]) * (p[c + 2] - p[a + 2]);
      assertThat(ny).as("face %d", i / 6).isNegative();
    }
  }
}
