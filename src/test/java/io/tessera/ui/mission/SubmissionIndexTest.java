package io.tessera.ui.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.MissionDtos.LatLng;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import io.tessera.ui.mission.SubmissionIndex.Frame;
import io.tessera.ui.mission.SubmissionIndex.Mark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which submissions a view shows, how they cluster, and which one lies under the mouse. */
class SubmissionIndexTest {
  private static final double ZOOM = 16;
  private static final LonLat STOCKHOLM = new LonLat(18.0686, 59.3293);

  private static SubmissionDto at(String id, double lon, double lat) {
    return new SubmissionDto(id, "mission_1", "usr_1", "received", null, lat == 99 ? null : new LatLng(lat, lon),
        null, null, null, 1, 0, "2026-06-17T10:00:00Z", null, null);
  }

  /** A view of 800 × 600 pixels centred on Stockholm. */
  private static Frame frame(SubmissionIndex index, int clusterAbove) {
    WorldPixel c = WebMercator.toWorldPixel(STOCKHOLM, ZOOM);
    return index.frame(ZOOM, c.x() - 400, c.y() - 300, 800, 600, clusterAbove, 56);
  }

  private static WorldPixel pixel(SubmissionDto s) {
    return WebMercator.toWorldPixel(new LonLat(s.location().lng(), s.location().lat()), ZOOM);
  }

  @Test
  void fewSubmissionsAreEachTheirOwnMarkAndOnlyThoseInViewAreDrawn() {
    SubmissionDto near = at("sub_near", 18.0690, 59.3295);
    SubmissionDto far = at("sub_far", 11.97, 57.70);
    SubmissionIndex index = new SubmissionIndex(List.of(near, far, at("sub_nogps", 0, 99)));

    Frame f = frame(index, 500);

    assertThat(index.size()).as("without a position a submission is not on the map").isEqualTo(2);
    assertThat(f.marks()).hasSize(1);
    assertThat(f.marks().get(0).members().get(0).submission().id()).isEqualTo("sub_near");
    assertThat(f.marks().get(0).isCluster()).isFalse();
  }

  @Test
  void thousandsInViewAreClusteredAndEveryOneIsCounted() {
    List<SubmissionDto> many = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // a 60 × 50 grid about 4 m apart: all in view at zoom 16
      many.add(at("sub_" + i, 18.0660 + (i % 60) * 0.00007, 59.3280 + (i / 60) * 0.00004));
    }
    SubmissionIndex index = new SubmissionIndex(many);

    Frame f = frame(index, 500);

    assertThat(f.marks()).hasSizeLessThan(300).anyMatch(Mark::isCluster);
    assertThat(f.marks().stream().mapToInt(m -> m.members().size()).sum()).isEqualTo(3000);
  }

  @Test
  void aClickHitsTheNearestMarkWithinItsRadiusAndNothingElsewhere() {
    SubmissionDto a = at("sub_a", 18.0686, 59.3293);
    SubmissionDto b = at("sub_b", 18.0687, 59.3293); // about 6 px east of a at zoom 16
    SubmissionIndex index = new SubmissionIndex(List.of(a, b));
    Frame f = frame(index, 500);
    WorldPixel pa = pixel(a);
    WorldPixel pb = pixel(b);

    assertThat(f.hit(pa.x() - 2, pa.y()).members().get(0).submission().id()).isEqualTo("sub_a");
    assertThat(f.hit(pb.x() + 2, pb.y()).members().get(0).submission().id()).isEqualTo("sub_b");
    assertThat(f.hit(pa.x(), pa.y() + 40)).isNull();
  }

  @Test
  void aClusterIsHitAtItsCentroidEvenWhereNoMemberLies() {
    List<SubmissionDto> ring = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      double angle = 2 * Math.PI * i / 600;
      ring.add(at("sub_" + i, 18.0686 + 0.00005 * Math.cos(angle), 59.3293 + 0.000025 * Math.sin(angle)));
    }
    Frame f = frame(new SubmissionIndex(ring), 500);
    Mark biggest = f.marks().stream().max((x, y) -> x.members().size() - y.members().size()).orElseThrow();

    assertThat(biggest.isCluster()).isTrue();
    assertThat(f.hit(biggest.x(), biggest.y())).isSameAs(biggest);
  }
}
