package io.tessera.ui;

import io.tessera.api.dto.HealthDto;
import io.tessera.api.dto.JobDto;
import io.tessera.client.TesseraClient;
import java.util.List;

/**
 * The blocking calls the shell makes: the two it polls, and cancelling a job. An interface rather than {@link TesseraClient} itself so
 * that view-model tests can answer without a server.
 */
public interface ServiceProbe {

  /** {@code GET /api/v1/health}; throws {@link io.tessera.client.ApiException} on failure. */
  HealthDto health();

  /** {@code GET /api/v1/jobs}; throws {@link io.tessera.client.ApiException} on failure. */
  List<JobDto> jobs();

  /** {@code POST /api/v1/jobs/{id}/cancel}; throws {@link io.tessera.client.ApiException} on failure. */
  void cancelJob(String id);

  static ServiceProbe of(TesseraClient client) {
    return new ServiceProbe() {
      @Override
      public HealthDto health() {
        return client.health();
      }

      @Override
      public List<JobDto> jobs() {
        return client.jobs();
      }

      @Override
      public void cancelJob(String id) {
        client.cancelJob(id);
      }
    };
  }
}
