package io.tessera.ui.scene3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.raster.ArrayRaster;
import io.tessera.ui.scene3d.TerrainSource.TileGrid;
import org.junit.jupiter.api.Test;

class TerrainMeshTest {

  @Test
  void leafVerticesStandAtTheDsmValuesTimesTheExaggerationInALocalFrame() throws Exception {
    ArrayRaster dsm = Hills.dsm(100, 0.5, 0, 0);
    TerrainSource src = TerrainSource.of(dsm);
    TileKey leaf = new TileKey(src.leafLevel(), 0, 0);
    TileGrid grid = src.read(leaf);
    TerrainMesh mesh = TerrainMesh.build(src, grid, 2.5, TerrainMesh.Texturing.ELEVATION_RAMP);

    assertThat(grid.step()).isEqualTo(1);
    float[] row = new float[100];
    int n = grid.size();
    for (int j : new int[] {0, 7, 40, 64}) {
      dsm.readFloats(0, 0, j, 100, 1, row);
      for (int i : new int[] {0, 13, 64}) {
        int v = j * n + i;
        assertThat((double) mesh.points()[v * 3 + 1])
            .isCloseTo(-(row[i] - src.baseElevation()) * 2.5, within(1e-3));
        // x east of the DSM's centre (50 px of 0.5 m), z north of it
        assertThat((double) mesh.points()[v * 3]).isCloseTo((i + 0.5) * 0.5 - 25, within(1e-4));
        assertThat((double) mesh.points()[v * 3 + 2]).isCloseTo(25 - (j + 0.5) * 0.5,
            within(1e-4));
      }
    }
    assertThat(mesh.surfaceTriangles()).isEqualTo(2 * 64 * 64);
  }

  @Test
  void everyFaceLooksUpAndNormalsPointUp() throws Exception {
    TerrainSource src = TerrainSource.of(Hills.dsm(300, 1, 0, 0));
    TerrainMesh mesh = TerrainMesh.build(src, src.read(new TileKey(0, 0, 0)), 1,
        TerrainMesh.Texturing.ELEVATION_RAMP);
    float[] p = mesh.points();
    int[] f = mesh.faces();
    for (int t = 0; t < mesh.surfaceTriangles(); t++) {
      int a = f[t * 9] * 3;
      int b = f[t * 9 + 3] * 3;
      int c = f[t * 9 + 6] * 3;
      double ny = (p[b + 2] - p[a + 2]) * (p[c] - p[a]) - (p[b] - p[a]) * (p[c + 2] - p[a + 2]);
      assertThat(ny).as("face %d", t).isNegative();
      assertThat(mesh.normals()[f[t * 9 + 1] * 3 + 1]).isNegative();
    }
  }

  @Test
  void noDataLeavesAHoleAndCoarseLevelsAverage() throws Exception {
    ArrayRaster dsm = Hills.dsm(64 + 1, 1, 10, 20);
    TerrainSource src = TerrainSource.of(dsm);
    TileGrid grid = src.read(new TileKey(0, 0, 0));
    TerrainMesh mesh = TerrainMesh.build(src, grid, 1, TerrainMesh.Texturing.TILE_IMAGE);

    assertThat(grid.height(15, 15)).isNaN();
    assertThat(grid.height(9, 9)).isNotNaN();
    // 10 × 10 missing vertices take the 11 × 11 cells touching them
    assertThat(mesh.surfaceTriangles()).isEqualTo(2 * (64 * 64 - 11 * 11));

    TerrainSource big = TerrainSource.of(Hills.dsm(1000, 1, 0, 0));
    TileGrid root = big.read(new TileKey(0, 0, 0));
    assertThat(root.step()).isEqualTo(16);
    float[] block = new float[16 * 16];
    big.raster().readFloats(0, 8 * 16 - 8, 8 * 16 - 8, 16, 16, block);
    double sum = 0;
    for (float v : block) {
      sum += v;
    }
    assertThat((double) root.height(8, 8)).isCloseTo(sum / block.length, within(1e-3));
  }

  @Test
  void skirtsHangAsDeepAsTheirEdgeClimbsNotHalfTheRelief() throws Exception {
    TerrainSource src = TerrainSource.of(Hills.dsm(300, 1, 0, 0));
    TileKey leaf = new TileKey(src.leafLevel(), 0, 0);
    TileGrid grid = src.read(leaf);
    TerrainMesh mesh = TerrainMesh.build(src, grid, 3, TerrainMesh.Texturing.ELEVATION_RAMP);
    int n = grid.size();
    float[] p = mesh.points();
    // the right column: an inner edge of the tile (the DSM goes on to its east)
    double climb = 0;
    for (int k = 0; k < n - 1; k++) {
      float here = p[(k * n + n - 1) * 3 + 1];
      float below = p[((k + 1) * n + n - 1) * 3 + 1];
      climb = Math.max(climb, Math.abs(here - below));
    }
    int first = n * n + 3 * n;
    for (int k = 0; k < n; k++) {
      double drop = p[(first + k) * 3 + 1] - p[(k * n + n - 1) * 3 + 1];
      assertThat(drop).isGreaterThanOrEqualTo(climb)
          .isCloseTo(1.5 * climb + 0.5 * src.pixelSize(), within(1e-3));
    }
    double relief = (grid.max() - grid.min()) * 3;
    assertThat(1.5 * climb + 0.5 * src.pixelSize()).isLessThan(relief / 4);
  }
}
