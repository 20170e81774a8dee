package io.tessera.ui.volume;

import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.CogWriter;
import io.tessera.core.raster.GeoTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A project in UTM 33N whose imported DSM is flat ground at {@value #GROUND} m with a cone of
 * height {@value #HEIGHT} m and radius {@value #RADIUS} m on it, centred at ({@value #CX},
 * {@value #CY}); a 30 m square of 0.05 m cells from (500000, 5200030) down and right.
 */
final class ConeProject {
  static final double GROUND = 100;
  static final double HEIGHT = 4;
  static final double RADIUS = 6;
  static final double CX = 500015;
  static final double CY = 5200015;
  static final double X0 = 500000;
  static final double Y0 = 5200030;
  static final double CELL = 0.05;
  static final int SIZE = 600;

  private ConeProject() {}

  /** The cone's volume, π r² h / 3. */
  static double coneVolume() {
    return Math.PI * RADIUS * RADIUS * HEIGHT / 3;
  }

  static double elevation(double x, double y) {
    return GROUND + Math.max(0, HEIGHT * (1 - Math.hypot(x - CX, y - CY) / RADIUS));
  }

  /** Creates the project, imports the DSM (written into {@code dir}) and waits for it. */
  static ProjectDto create(ProjectsClient client, Path dir, String name) throws Exception {
    ProjectDto p = client.create(name, "EPSG:32633");
    float[] v = new float[SIZE * SIZE];
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        v[r * SIZE + c] = (float) elevation(X0 + (c + 0.5) * CELL, Y0 - (r + 0.5) * CELL);
      }
    }
    Path tif = Files.createTempFile(dir, "cone-", ".tif");
    try (ArrayRaster r = new ArrayRaster(SIZE, SIZE, v, GeoTransform.northUp(X0, Y0, CELL, CELL),
        OptionalInt.of(32633), OptionalDouble.of(-9999))) {
      CogWriter.write(r, tif, CogWriter.Options.defaults());
    }
    OutputDto o = client.importOutput(p.id(), tif, "dsm");
    for (int i = 0; i < 1200 && "pending".equals(o.availability()); i++) {
      Thread.sleep(50);
      o = client.output(p.id(), o.outputId());
    }
    if (!"done".equals(o.availability())) {
      throw new AssertionError("the DSM import ended " + o.availability() + ": " + o.error());
    }
    return p;
  }
}
