package io.tessera.ui.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.dto.PhotogrammetryDtos.PredictionDto;
import org.junit.jupiter.api.Test;

/** {@link MarkingWorkspace#searchRadius}: the service's radius, clamped; else the old guess. */
class SearchRadiusTest {
  /** A 4000 × 3000 photo's prediction (diagonal 5000 px). */
  private static PredictionDto prediction(String correction, String basis, Double radius) {
    return new PredictionDto(1, "photos/a.jpg", "c", 4000, 3000, 1200.0, 900.0, 300.0, basis,
        correction, "exif", null, null, radius);
  }

  @Test
  void theServicesRadiusIsUsedWithinTwelvePixelsAndAQuarterOfTheDiagonal() {
    assertThat(MarkingWorkspace.searchRadius(prediction("flight", "surveyed", 87.5)))
        .isEqualTo(87.5);
    assertThat(MarkingWorkspace.searchRadius(prediction("full_pose", "surveyed", 2.9)))
        .isEqualTo(12);
    assertThat(MarkingWorkspace.searchRadius(prediction("none", "surveyed", 4000.0)))
        .isCloseTo(1250, within(1e-9));
  }

  @Test
  void withoutTheServicesRadiusTheOldGuessStands() {
    assertThat(MarkingWorkspace.searchRadius(prediction("flight", "surveyed", null)))
        .isCloseTo(250, within(1e-9));
    assertThat(MarkingWorkspace.searchRadius(prediction("full_pose", "surveyed", null)))
        .isCloseTo(30, within(1e-9));
    assertThat(MarkingWorkspace.searchRadius(prediction("flight", "surveyed", Double.NaN)))
        .isCloseTo(250, within(1e-9));
  }
}
