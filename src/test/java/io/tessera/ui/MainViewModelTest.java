package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.HealthDto;
import io.tessera.api.dto.JobDto;
import io.tessera.client.ApiException;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.task.CurrentThreadTaskExecutor;
import io.tessera.ui.task.ManualTaskExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
  private static final String URL = "http://127.0.0.1:8000";

  private static ServiceProbe probe(Supplier<HealthDto> health, Supplier<List<JobDto>> jobs) {
    return probe(health, jobs, new ArrayList<>());
  }

  private static ServiceProbe probe(
      Supplier<HealthDto> health, Supplier<List<JobDto>> jobs, List<String> cancelled) {
    return new ServiceProbe() {
      @Override
      public void cancelJob(String id) {
        cancelled.add(id);
        if (id.equals("job_gone")) {
          throw new ApiException(404, "Not Found", "");
        }
        if (id.equals("job_stuck")) {
          throw new ApiException(500, "an unexpected error occurred", "");
        }
      }

      @Override
      public HealthDto health() {
        return health.get();
      }

      @Override
      public List<JobDto> jobs() {
        return jobs.get();
      }
    };
  }

  private static MainViewModel model(Supplier<HealthDto> health, Supplier<List<JobDto>> jobs) {
    return new MainViewModel(probe(health, jobs), URL, new CurrentThreadTaskExecutor(), null);
  }

  private static HealthDto healthy() {
    return new HealthDto("ok", "connected", "2026-03-22T10:00:00Z");
  }

  private static JobDto job(String kind, String state, double progress, String message) {
    return new JobDto("job_" + kind, kind, state, progress, message, null, "2026-03-22T10:00:00Z", null);
  }

  @Test
  void startsConnectingAndShowsTheServiceUrl() {
    MainViewModel vm = model(MainViewModelTest::healthy, List::of);

    assertThat(vm.serviceUrlProperty().get()).isEqualTo(URL);
    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTING);
  }

  @Test
  void aHealthyServiceIsConnected() {
    MainViewModel vm = model(MainViewModelTest::healthy, List::of);

    vm.refresh();

    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(vm.connectionProperty().get().label()).isEqualTo("connected");
  }

  @Test
  void aServiceWithoutItsDatabaseSaysSo() {
    MainViewModel byBody = model(() -> new HealthDto("degraded", "disconnected", "t"), List::of);
    byBody.refresh();
    MainViewModel byStatus =
        model(() -> { throw new ApiException(503, "Service Unavailable", "{}"); }, List::of);
    byStatus.refresh();

    assertThat(byBody.connectionProperty().get()).isEqualTo(ConnectionState.DATABASE_DISCONNECTED);
    assertThat(byStatus.connectionProperty().get()).isEqualTo(ConnectionState.DATABASE_DISCONNECTED);
    assertThat(byBody.connectionProperty().get().label()).isEqualTo("database disconnected");
  }

  @Test
  void anUnreachableServiceIsOffline() {
    MainViewModel vm =
        model(() -> { throw new ApiException("cannot reach " + URL, new IOException("refused")); }, List::of);

    vm.refresh();

    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);
    assertThat(vm.connectionProperty().get().label()).isEqualTo("offline");
    assertThat(vm.connectionDetailProperty().get()).contains(URL);
  }

  @Test
  void anotherHttpErrorIsAServiceError() {
    MainViewModel vm = model(() -> { throw new ApiException(401, "unauthorised", "{}"); }, List::of);

    vm.refresh();

    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.SERVICE_ERROR);
  }

  @Test
  void theConnectionRecoversOnTheNextPoll() {
    AtomicInteger calls = new AtomicInteger();
    MainViewModel vm =
        model(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new ApiException("down", new IOException("refused"));
              }
              return healthy();
            },
            List::of);

    vm.refresh();
    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);
    vm.refresh();
    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void aPollStillInFlightIsNotRepeated() {
    AtomicInteger calls = new AtomicInteger();
    ManualTaskExecutor executor = new ManualTaskExecutor();
    MainViewModel vm =
        new MainViewModel(
            probe(() -> { calls.incrementAndGet(); return healthy(); }, List::of), URL, executor, null);

    vm.refresh();
    vm.refresh();
    vm.refresh();

    assertThat(executor.pending()).isEqualTo(1);
    executor.runNext();
    assertThat(calls).hasValue(1);
    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    vm.refresh();
    assertThat(executor.pending()).isEqualTo(2); // the jobs poll that followed, and a new health poll
  }

  @Test
  void noRunningJobsHidesTheProgress() {
    MainViewModel vm =
        model(MainViewModelTest::healthy, () -> List.of(job("tile", "succeeded", 1, "done")));

    vm.refresh();

    assertThat(vm.jobsRunningProperty().get()).isFalse();
    assertThat(vm.jobTextProperty().get()).isEmpty();
  }

  @Test
  void oneRunningJobShowsItsMessageAndProgress() {
    MainViewModel vm =
        model(
            MainViewModelTest::healthy,
            () -> List.of(job("tile", "running", 0.42, "Tiling IMG_0031.jpg"), job("x", "failed", 0, null)));

    vm.refresh();

    assertThat(vm.jobsRunningProperty().get()).isTrue();
    assertThat(vm.jobProgressProperty().get()).isEqualTo(0.42);
    assertThat(vm.jobTextProperty().get()).isEqualTo("Tiling IMG_0031.jpg 42 %");
  }

  @Test
  void severalJobsShowTheirCountAndMeanProgress() {
    MainViewModel vm =
        model(
            MainViewModelTest::healthy,
            () -> List.of(job("tile", "running", 0.5, null), job("export", "queued", 0, null)));

    vm.refresh();

    assertThat(vm.jobProgressProperty().get()).isEqualTo(0.25);
    assertThat(vm.jobTextProperty().get()).isEqualTo("2 jobs running, 25 %");
  }

  @Test
  void goingOfflineClearsTheJobProgress() {
    List<Boolean> up = new ArrayList<>(List.of(true));
    MainViewModel vm =
        model(
            () -> {
              if (!up.get(0)) {
                throw new ApiException("down", new IOException("refused"));
              }
              return healthy();
            },
            () -> List.of(job("tile", "running", 0.5, null)));
    vm.refresh();
    assertThat(vm.jobsRunningProperty().get()).isTrue();

    up.set(0, false);
    vm.refresh();

    assertThat(vm.jobsRunningProperty().get()).isFalse();
  }

  @Test
  void aFailingJobListHidesTheProgressButKeepsTheConnection() {
    MainViewModel vm =
        model(MainViewModelTest::healthy, () -> { throw new ApiException(404, "Not Found", ""); });

    vm.refresh();

    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(vm.jobsRunningProperty().get()).isFalse();
  }

  @Test
  void cancellingAsksForEveryRunningJobAndPollsAgain() {
    List<String> cancelled = new ArrayList<>();
    List<List<JobDto>> answers =
        new ArrayList<>(
            List.of(
                List.of(job("tile", "running", 0.5, null), job("gone", "running", 0.1, null), job("old", "succeeded", 1, null)),
                List.of(job("tile", "cancelled", 0.5, null))));
    MainViewModel vm =
        new MainViewModel(
            probe(MainViewModelTest::healthy, () -> answers.remove(0), cancelled),
            URL, new CurrentThreadTaskExecutor(), null);
    vm.refresh();
    assertThat(vm.jobsRunningProperty().get()).isTrue();

    vm.cancelRunningJobs();

    assertThat(cancelled).containsExactly("job_tile", "job_gone");
    assertThat(vm.jobsRunningProperty().get()).isFalse();
    assertThat(vm.noticeProperty().get()).isNull(); // a job gone meanwhile is no news
  }

  @Test
  void aCancelTheServiceRefusesIsShownInTheNotice() {
    MainViewModel vm =
        new MainViewModel(
            probe(MainViewModelTest::healthy, () -> List.of(job("stuck", "running", 0.3, null))),
            URL, new CurrentThreadTaskExecutor(), null);
    vm.refresh();

    vm.cancelRunningJobs();

    assertThat(vm.noticeProperty().get())
        .isEqualTo("Could not cancel the job: an unexpected error occurred");
  }

  @Test
  void theCursorShowsLonLatOnTheMapAndPixelsInTheImagePane() {
    MainViewModel vm = model(MainViewModelTest::healthy, List::of);
    vm.mapPointerProperty().set(new LonLat(4.891234, 52.370123));
    vm.imagePointerProperty().set(new Point2D(1024.5, 7.25));

    assertThat(vm.cursorTextProperty().get()).isEqualTo("52.37012° N, 4.89123° E");
    vm.selectedPaneProperty().set(CentrePane.IMAGE);
    assertThat(vm.cursorTextProperty().get()).isEqualTo("x 1024.50, y 7.25 px");
    vm.selectedPaneProperty().set(CentrePane.SCENE3D);
    assertThat(vm.cursorTextProperty().get()).isEmpty();
    vm.selectedPaneProperty().set(CentrePane.MAP);
    vm.mapPointerProperty().set(null);
    assertThat(vm.cursorTextProperty().get()).isEmpty();
  }

  @Test
  void theNoticeShowsUntilDismissed() {
    MainViewModel vm =
        new MainViewModel(
            probe(MainViewModelTest::healthy, List::of), URL, new CurrentThreadTaskExecutor(),
            "Port 8000 was taken");
    MainViewModel quiet =
        new MainViewModel(probe(MainViewModelTest::healthy, List::of), URL, new CurrentThreadTaskExecutor(), "  ");

    assertThat(vm.noticeProperty().get()).isEqualTo("Port 8000 was taken");
    vm.dismissNotice();
    assertThat(vm.noticeProperty().get()).isNull();
    assertThat(quiet.noticeProperty().get()).isNull();
  }
}
