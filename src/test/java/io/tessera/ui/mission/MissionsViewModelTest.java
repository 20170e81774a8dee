package io.tessera.ui.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.GeotaggedJpegs.Tags;
import io.tessera.testing.RunningService;
import io.tessera.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The missions view model against a real service, synchronously: what the table's filters keep,
 * the review order and where a decision moves the selection.
 */
class MissionsViewModelTest {
  private static final Instant JUNE_17 = Instant.parse("2026-06-17T10:00:00Z");
  private static final Instant JUNE_19 = Instant.parse("2026-06-19T10:00:00Z");

  @TempDir static Path temp;
  private static RunningService service;
  private static MissionsClient api;
  private static MissionDto harbour;
  private static MissionDto park;
  private static List<SubmissionDto> harbourSubs;
  private static SubmissionDto parkSub;
  private static MissionDto done;
  private static Path oneMorePhoto;

  private MissionsViewModel vm;

  @BeforeAll
  static void seed() throws Exception {
    service = RunningService.start(Files.createTempDirectory(temp, "service"));
    api = new MissionsClient(service.desktop());
    harbour = MissionFixtures.mission(api, "Harbour", MissionFixtures.rectangle(18.07, 59.32, 18.08, 59.33), 10);
    park = MissionFixtures.mission(api, "Park", MissionFixtures.rectangle(18.09, 59.32, 18.10, 59.33), 10);
    Path photos = Files.createTempDirectory(temp, "photos");
    SubmissionDto a = MissionFixtures.submit(api, harbour, photos, "usr_1", JUNE_17, new double[] {18.071, 59.321});
    service.clock.advance(Duration.ofMinutes(1));
    SubmissionDto b = MissionFixtures.submit(api, harbour, photos, "usr_1", JUNE_19, new double[] {18.072, 59.322});
    service.clock.advance(Duration.ofMinutes(1));
    SubmissionDto c = MissionFixtures.submit(api, harbour, photos, "usr_2", JUNE_19, new double[] {18.073, 59.323});
    service.clock.advance(Duration.ofMinutes(1));
    parkSub = MissionFixtures.submit(api, park, photos, "usr_3", JUNE_17, new double[] {18.095, 59.325});
    api.approve(b.id());
    harbourSubs = List.of(a, api.submission(b.id()), c);
    // a mission completed by its one approved photo, and a folder with one more for it
    done = MissionFixtures.mission(api, "Done", MissionFixtures.rectangle(18.0, 59.0, 18.01, 59.01), 1);
    service.clock.advance(Duration.ofMinutes(1));
    api.approve(MissionFixtures.submit(api, done, photos, "usr_1", JUNE_17, new double[] {18.005, 59.005}).id());
    oneMorePhoto = Files.createTempDirectory(temp, "more");
    GeotaggedJpegs.write(oneMorePhoto, "IMG_9.jpg", Tags.at(18.005, 59.005, JUNE_17));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @BeforeEach
  void load() {
    vm = new MissionsViewModel(api, new CurrentThreadTaskExecutor(), "desktop");
    vm.refresh();
  }

  private List<String> visibleIds() {
    return vm.visibleSubmissions().stream().map(SubmissionDto::id).toList();
  }

  private static LocalDate localDay(Instant t) {
    return t.atZone(ZoneId.systemDefault()).toLocalDate();
  }

  @Test
  void everyMissionAndSubmissionIsLoadedOldestSubmissionFirst() {
    assertThat(vm.missions()).extracting(MissionDto::title).containsExactlyInAnyOrder("Harbour", "Park", "Done");
    assertThat(visibleIds()).startsWith(
        harbourSubs.get(0).id(), harbourSubs.get(1).id(), harbourSubs.get(2).id(), parkSub.id()).hasSize(5);
    assertThat(vm.problemProperty().get()).isNull();
  }

  @Test
  void theFiltersKeepOneMissionOneStatusAndADayRange() {
    vm.missionFilterProperty().set(vm.mission(harbour.id()));
    assertThat(visibleIds()).containsExactly(harbourSubs.get(0).id(), harbourSubs.get(1).id(), harbourSubs.get(2).id());

    vm.statusFilterProperty().set("received");
    assertThat(visibleIds()).containsExactly(harbourSubs.get(0).id(), harbourSubs.get(2).id());

    vm.fromDateProperty().set(localDay(JUNE_19));
    assertThat(visibleIds()).containsExactly(harbourSubs.get(2).id());
    vm.toDateProperty().set(localDay(JUNE_17));
    assertThat(visibleIds()).as("from after to: nothing").isEmpty();

    vm.missionFilterProperty().set(null);
    vm.fromDateProperty().set(null);
    assertThat(visibleIds()).containsExactly(harbourSubs.get(0).id(), parkSub.id());
  }

  @Test
  void nextAndPreviousWalkTheTableOrderAndStopAtItsEnds() {
    vm.missionFilterProperty().set(null);
    vm.statusFilterProperty().set("received");
    assertThat(vm.selectNext()).isTrue();
    assertThat(vm.selectedSubmissionProperty().get().id()).isEqualTo(harbourSubs.get(0).id());
    assertThat(vm.selectPrevious()).isFalse();
    vm.selectedSubmissionProperty().set(vm.visibleSubmissions().get(2));
    assertThat(vm.selectNext()).isFalse();
    assertThat(vm.selectedSubmissionProperty().get().id()).isEqualTo(parkSub.id());
    assertThat(vm.selectPrevious()).isTrue();
    assertThat(vm.selectedSubmissionProperty().get().id()).isEqualTo(harbourSubs.get(2).id());
  }

  @Test
  void aDecisionMovesToTheNextUndecidedWrappingAroundAndSkippingDecidedOnes() {
    // in the park's list its one submission is the only one; in all of them, the harbour's first
    // received one comes next after the park's (the completed mission's is approved)
    vm.selectedSubmissionProperty().set(vm.visibleSubmissions().get(3));
    SubmissionDto s = parkSub;
    // as the service would answer a rejection; not sent, so that the other tests see it received
    SubmissionDto decided = new SubmissionDto(s.id(), s.missionId(), s.zoomerId(), "rejected", "Wrong subject",
        s.location(), s.capturedAt(), s.altitudeM(), s.accuracyM(), s.imageCount(), s.outsideBoundsCount(),
        s.createdAt(), s.createdAt(), null);

    vm.decided(decided);

    assertThat(vm.selectedSubmissionProperty().get().id()).isEqualTo(harbourSubs.get(0).id());
    assertThat(vm.visibleSubmissions().get(3).status()).isEqualTo("rejected");
    assertThat(vm.visibleSubmissions().get(3).reason()).isEqualTo("Wrong subject");
  }

  @Test
  void selectingAMissionDropsTheSelectedSubmissionAndTheOtherWayRound() {
    vm.selectedSubmissionProperty().set(vm.visibleSubmissions().get(0));
    vm.selectedMissionProperty().set(vm.mission(park.id()));
    assertThat(vm.selectedSubmissionProperty().get()).isNull();
    vm.selectedSubmissionProperty().set(vm.visibleSubmissions().get(0));
    assertThat(vm.selectedMissionProperty().get()).isNull();
  }

  @Test
  void aDropWithoutPhotosSaysSoAndImportsNothing() throws Exception {
    Path notes = Files.writeString(Files.createTempDirectory(temp, "notes").resolve("notes.txt"), "field notes");

    vm.importPhotos(vm.mission(harbour.id()), List.of(notes.getParent()));

    assertThat(vm.problemProperty().get().message()).startsWith("There are no JPEG photos in what you dropped.");
    assertThat(vm.activityProperty().get()).isNull();
    assertThat(api.submissions(harbour.id(), 1, 10).data()).hasSize(3);
  }

  @Test
  void aMissionThatTakesNoMoreSubmissionsGivesAReadableProblem() {
    assertThat(vm.mission(done.id()).status()).isEqualTo("completed");

    vm.importPhotos(vm.mission(done.id()), List.of(oneMorePhoto));

    assertThat(vm.problemProperty().get().message())
        .startsWith("The photos could not be imported into “Done”: ")
        .doesNotContain("Exception");
    assertThat(vm.problemProperty().get().details()).contains("HTTP 4");
    assertThat(vm.activityProperty().get()).isNull();
  }
}
