package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.testing.RunningService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ETag / If-Match on a versioned record: a stale write is 412 and changes nothing. */
class OrganizationApiTest {

  @Test
  void staleIfMatchIs412AndLeavesTheRecordAlone() throws Exception {
    try (RunningService svc = RunningService.start()) {
      var c = svc.desktop();
      var read = c.raw("GET", "/api/v1/organization", null, null);
      assertThat(read.status()).isEqualTo(200);
      String etag = read.header("ETag");
      assertThat(etag).isEqualTo("\"v1\"");

      var first = put(svc, etag, "{\"name\":\"Survey Team North\"}");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("ETag")).isEqualTo("\"v2\"");

      // a second client still holding v1 must not overwrite the first one's change
      var stale = put(svc, etag, "{\"name\":\"Other Name\"}");
      assertThat(stale.status()).isEqualTo(412);
      assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
      assertThat(stale.text()).contains("\"current_version\":2");

      var foreign = put(svc, "\"abc\"", "{\"name\":\"Other Name\"}");
      assertThat(foreign.status()).isEqualTo(412);

      assertThat(c.raw("GET", "/api/v1/organization", null, null).text())
          .contains("Survey Team North");
      assertThat(put(svc, null, "{\"name\":\"\"}").status()).isEqualTo(422);
    }
  }

  private static io.tessera.client.TesseraClient.RawResponse put(
      RunningService svc, String ifMatch, String body) {
    return svc.desktop().raw("PUT", "/api/v1/organization", "application/json",
        body.getBytes(StandardCharsets.UTF_8), ifMatch == null ? java.util.Map.of()
            : java.util.Map.of("If-Match", ifMatch));
  }
}
