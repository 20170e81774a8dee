package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.GeotaggedJpegs.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Missions and submissions made through the API, with real geotagged JPEGs, for UI tests and tours. */
final class MissionFixtures {
  private MissionFixtures() {}

  /** A closed counter-clockwise rectangle from (west, south) to (east, north). */
  static PolygonDto rectangle(double west, double south, double east, double north) {
    return PolygonDto.of(List.of(List.of(
        new double[] {west, south}, new double[] {east, south}, new double[] {east, north},
        new double[] {west, north}, new double[] {west, south})));
  }

  static MissionDto mission(MissionsClient client, String title, PolygonDto bounds, int requiredImages) {
    return client.createMission(title, "Photos of every street front in the area", bounds, requiredImages);
  }

  /**
   * Submits one submission of photos taken at {@code positions} ({@code [lon, lat]}), written as
   * JPEGs into {@code dir}.
   */
  static SubmissionDto submit(MissionsClient client, MissionDto mission, Path dir, String zoomer,
      Instant capturedAt, double[]... positions) throws Exception {
    Path folder = Files.createTempDirectory(dir, "sub");
    List<Path> photos = new ArrayList<>();
    for (int i = 0; i < positions.length; i++) {
      photos.add(GeotaggedJpegs.write(folder, String.format("IMG_%04d.jpg", i + 1),
          Tags.at(positions[i][0], positions[i][1], capturedAt.plusSeconds(i * 7L))));
    }
    return client.submit(mission.id(), zoomer, photos);
  }
}
