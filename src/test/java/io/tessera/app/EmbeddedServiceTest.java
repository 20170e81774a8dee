package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.HealthDto;
import io.tessera.api.dto.JobDto;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServiceTest {
  @TempDir Path dataDir;

  @Test
  void aTakenPortFallsBackToAFreeOneWhenAllowed() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        EmbeddedService s = EmbeddedService.start(new EmbeddedService.Options(
            dataDir, "127.0.0.1", LoopbackPorts.preferredOrFree(taken.getLocalPort())))) {
      assertThat(LoopbackPorts.preferredOrFree(s.port())).isNotEqualTo(s.port());
      assertThat(s.port()).isNotEqualTo(taken.getLocalPort());
      assertThat(s.desktopClient().health().status()).isEqualTo("ok");
    }
  }

  @Test
  void withoutItsDatabaseHealthIs503AndOtherRoutesFailWithoutStackTraces() throws Exception {
    try (EmbeddedService s = EmbeddedService.start(EmbeddedService.Options.forTest(dataDir))) {
      s.database().close();
      var health = s.desktopClient().raw("GET", "/api/v1/health", null, null);
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.text()).contains("\"database\":\"disconnected\"");
      var jobs = s.desktopClient().raw("GET", "/api/v1/jobs", null, null);
      assertThat(jobs.status()).isEqualTo(500);
      assertThat(jobs.header("Content-Type")).startsWith("application/problem+json");
      assertThat(jobs.text()).contains("request_id").doesNotContain("Exception").doesNotContain(
          "at io.tessera");
    }
  }

  @Test
  void wireFormatsDoNotFollowTheDefaultLocale() throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try (EmbeddedService s = EmbeddedService.start(EmbeddedService.Options.forTest(dataDir))) {
      HealthDto h = s.desktopClient().health();
      assertThat(h.timestamp()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
      JobDto job = s.desktopClient().post("/api/v1/admin/purge", Map.of(), JobDto.class);
      JobDto done = job;
      for (int i = 0; i < 200 && !done.state().equals("succeeded"); i++) {
        Thread.sleep(20);
        done = s.desktopClient().job(job.id());
      }
      assertThat(done.state()).isEqualTo("succeeded");
      var raw = s.desktopClient().raw("GET", "/api/v1/jobs/" + job.id(), null, null);
      assertThat(raw.text()).contains("\"progress\":1.0").doesNotContain("1,0");
      assertThat(s.desktopClient().jobs()).extracting(JobDto::id).contains(job.id());
    } finally {
      Locale.setDefault(before);
    }
  }
}
