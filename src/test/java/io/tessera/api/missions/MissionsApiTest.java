package io.tessera.api.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.api.dto.MissionDtos.ImageDto;
import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.api.dto.MissionDtos.TokenResponse;
import io.tessera.client.ApiException;
import io.tessera.client.MissionsClient;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.GeotaggedJpegs.Tags;
import io.tessera.testing.RunningService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The missions API against the real server, through our own client and raw requests shaped
 * like the reference document's curl examples.
 */
class MissionsApiTest {
  private static final String ALL =
      "missions:read missions:write submissions:read submissions:write webhooks:manage";
  /** Gothenburg, as in the document's SDK snippet, with its ring closed. */
  private static final List<double[]> GOTHENBURG =
      List.of(new double[] {11.97, 57.70}, new double[] {12.00, 57.70},
          new double[] {12.00, 57.72}, new double[] {11.97, 57.72}, new double[] {11.97, 57.70});

  private static RunningService svc;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static ClientDto client(String scopes, String rateLimit, Boolean noLimit) {
    return svc.desktop()
        .post("/api/v1/admin/clients", new CreateClientRequest("test", scopes, rateLimit, noLimit),
            ClientDto.class);
  }

  private static MissionsClient as(String scopes) {
    ClientDto c = client(scopes, null, true);
    TokenResponse t = new MissionsClient(svc.anonymous()).token(c.clientId(), c.clientSecret(), scopes);
    return new MissionsClient(svc.bearer(t.accessToken()));
  }

  private static MissionDto gothenburg(MissionsClient api, int required) {
    return api.createMission("Parking lot survey — Gothenburg", "Count and classify parking spaces",
        PolygonDto.of(List.of(GOTHENBURG)), required);
  }

  private Path photo(String name, double lon, double lat, Instant t) {
    return GeotaggedJpegs.write(dir, name, Tags.at(lon, lat, t));
  }

  @Test
  void theDocumentsTokenRequestAndListWorkUnchanged() {
    ClientDto c = client("missions:read submissions:read", null, null);
    String body = """
        {
          "grant_type":    "client_credentials",
          "client_id":     "%s",
          "client_secret": "%s",
          "scope":         "missions:read submissions:read"
        }""".formatted(c.clientId(), c.clientSecret());
    RawResponse r = svc.anonymous().raw("POST", "/api/qz/v1/auth/token", "application/json",
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(200);
    JsonNode token = json(r);
    assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.path("expires_in").asLong()).isEqualTo(86_400);
    assertThat(token.path("scope").asText()).isEqualTo("missions:read submissions:read");

    RawResponse list = svc.bearer(token.path("access_token").asText())
        .raw("GET", "/api/qz/v1/missions", null, null);
    assertThat(list.status()).isEqualTo(200);
    JsonNode page = json(list);
    assertThat(page.path("data").isArray()).isTrue();
    assertThat(page.path("meta").has("total")).isTrue();
    assertThat(page.path("meta").path("page").asInt()).isEqualTo(1);
  }

  @Test
  void tokenRefusalsSayWhyInProblemJsonWithTheOAuthCode() {
    ClientDto c = client("missions:read", null, null);
    MissionsClient anon = new MissionsClient(svc.anonymous());
    assertThatThrownBy(() -> anon.token(c.clientId(), "wrong", null))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.body()).contains("\"error\":\"invalid_client\"");
        });
    assertThatThrownBy(() -> anon.token(c.clientId(), c.clientSecret(), "missions:write"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.body()).contains("invalid_scope");
        });
    RawResponse wrongGrant = svc.anonymous().raw("POST", "/api/qz/v1/auth/token",
        "application/json", "{\"grant_type\":\"password\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongGrant.status()).isEqualTo(400);
    assertThat(wrongGrant.header("Content-Type")).startsWith("application/problem+json");
    // no scope asked: every scope of the client
    assertThat(anon.token(c.clientId(), c.clientSecret(), null).scope()).isEqualTo("missions:read");
  }

  @Test
  void aRevokedClientsTokensStopWorkingAtOnce() {
    ClientDto c = client("missions:read", null, null);
    List<ClientDto> listed = svc.desktop().get("/api/v1/admin/clients",
        new com.fasterxml.jackson.core.type.TypeReference<List<ClientDto>>() {});
    assertThat(listed).extracting(ClientDto::clientId).contains(c.clientId());
    assertThat(listed).allSatisfy(l -> assertThat(l.clientSecret()).isNull());
    MissionsClient api = new MissionsClient(svc.bearer(
        new MissionsClient(svc.anonymous()).token(c.clientId(), c.clientSecret(), null).accessToken()));
    api.missions(null, 1, 1);
    svc.desktop().delete("/api/v1/admin/clients/" + c.id());
    assertThatThrownBy(() -> api.missions(null, 1, 1))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.getMessage()).contains("revoked");
        });
  }

  @Test
  void aMissingScopeIsForbiddenAndNamed() {
    MissionsClient reader = as("missions:read");
    assertThatThrownBy(() -> gothenburg(reader, 5))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.body()).contains("\"missing_scope\":\"missions:write\"");
        });
  }

  @Test
  void anExpiredTokenIsRefused() {
    MissionsClient api = as("missions:read");
    api.missions(null, 1, 20);
    svc.clock.advance(Duration.ofSeconds(86_401));
    try {
      assertThatThrownBy(() -> api.missions(null, 1, 20))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("expired");
          });
    } finally {
      svc.clock.advance(Duration.ofSeconds(-86_401));
    }
  }

  @Test
  void theSdkCreateBodyMakesAMissionAndTheListShowsIt() {
    MissionsClient api = as(ALL);
    // the SDK preview sends one ring without the outer array; the ring closed here
    String sdk = """
        {
          "title":       "Parking lot survey — Gothenburg",
          "description": "Count and classify parking spaces",
          "bounds": {
            "type":        "Polygon",
            "coordinates": [[11.97, 57.70], [12.00, 57.70], [12.00, 57.72], [11.97, 57.72], [11.97, 57.70]]
          },
          "requiredImages": 50
        }""";
    TesseraClient http = http(api);
    RawResponse r = http.raw("POST", "/api/qz/v1/missions", "application/json",
        sdk.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(201);
    JsonNode m = json(r);
    assertThat(m.path("id").asText()).matches("mission_[0-9a-z]{26}");
    assertThat(m.path("status").asText()).isEqualTo("active");
    assertThat(m.path("submissions").asInt()).isZero();
    assertThat(m.path("required_images").asInt()).isEqualTo(50);
    assertThat(m.path("created_at").asText()).endsWith("Z");
    assertThat(m.path("bounds").path("coordinates").get(0).size()).isEqualTo(5);
    // 0.03° × 0.02° at 57.7°N: about 1,790 m × 2,226 m
    assertThat(m.path("area_m2").asDouble()).isCloseTo(3.98e6, within(0.05e6));

    MissionDto got = api.mission(m.path("id").asText());
    assertThat(got.title()).isEqualTo("Parking lot survey — Gothenburg");
    // what the server writes and what the client's record reads have the same members
    List<String> written = new java.util.ArrayList<>();
    m.fieldNames().forEachRemaining(written::add);
    List<String> read = new java.util.ArrayList<>();
    http.json().valueToTree(got).fieldNames().forEachRemaining(read::add);
    assertThat(written).containsExactlyElementsOf(read);
    assertThat(got.bounds().coordinates().get(0).get(2)).containsExactly(12.00, 57.72);
    assertThat(api.missions(null, 1, 100).data()).extracting(MissionDto::id)
        .contains(got.id());
    assertThat(api.missions("completed", 1, 100).data()).extracting(MissionDto::id)
        .doesNotContain(got.id());
    assertThatThrownBy(() -> api.mission("mission_nope"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void invalidBoundsAreRefusedNamingTheProblem() {
    MissionsClient api = as(ALL);
    Map<String, String> cases = new HashMap<>();
    cases.put("[[[11.97,57.70],[12.00,57.70],[12.00,57.72],[11.97,57.72]]]", "not closed");
    cases.put("[[[0,0],[1,1],[1,0],[0,1],[0,0]]]", "self-intersection");
    cases.put("[[[0,0],[1,0],[0,0]]]", "at least 4");
    cases.put("[[[0,0],[1,0],[1,95],[0,0]]]", "latitude 95.0 is outside [-90, 90]");
    cases.put("[[[0,0],[181,0],[1,1],[0,0]]]", "longitude 181.0 is outside [-180, 180]");
    cases.forEach((coords, expected) -> {
      String body = "{\"title\":\"t\",\"requiredImages\":1,\"bounds\":{\"type\":\"Polygon\","
          + "\"coordinates\":" + coords + "}}";
      RawResponse r = http(api).raw("POST", "/api/qz/v1/missions", "application/json",
          body.getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(coords).isEqualTo(422);
      assertThat(json(r).path("detail").asText()).as(coords).contains(expected);
    });
    RawResponse point = http(api).raw("POST", "/api/qz/v1/missions", "application/json",
        "{\"title\":\"t\",\"requiredImages\":1,\"bounds\":{\"type\":\"Point\",\"coordinates\":[0,0]}}"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(point.status()).isEqualTo(422);
    assertThat(json(point).path("detail").asText()).contains("must be a GeoJSON Polygon");
  }

  @Test
  void photosBecomeASubmissionWithTheirExifAndComeBackByteForByte() throws Exception {
    MissionsClient api = as(ALL);
    MissionDto m = gothenburg(api, 10);
    assertThat(listed(api, m.id()).submissions()).isZero(); // the list, now kept, ...
    Instant t = Instant.parse("2026-06-17T10:31:44Z");
    Path inside = photo("DJI_0001.JPG", 11.98, 57.71, t);
    Path outside = photo("DJI_0002.JPG", 12.10, 57.71, t.plusSeconds(5));
    SubmissionDto s = api.submit(m.id(), "usr_7m2n4p", List.of(inside, outside));
    assertThat(s.id()).matches("sub_[0-9a-z]{26}");
    assertThat(s.status()).isEqualTo("received");
    assertThat(s.imageCount()).isEqualTo(2);
    assertThat(s.outsideBoundsCount()).isEqualTo(1);
    assertThat(s.location().lng()).isCloseTo(12.04, within(1e-6));
    assertThat(s.location().lat()).isCloseTo(57.71, within(1e-6));
    assertThat(s.capturedAt()).isEqualTo("2026-06-17T10:31:44Z");
    assertThat(s.altitudeM()).isCloseTo(28.4, within(1e-9));

    SubmissionDto full = api.submission(s.id());
    assertThat(full.images()).hasSize(2);
    ImageDto first = full.images().get(0);
    assertThat(first.fileName()).isEqualTo("DJI_0001.JPG");
    assertThat(first.outsideBounds()).isFalse();
    assertThat(full.images().get(1).outsideBounds()).isTrue();
    assertThat(first.make()).isEqualTo("Canon");
    assertThat(first.width()).isEqualTo(640);
    assertThat(first.timeSource()).isEqualTo("offset_time_original");
    assertThat(first.accuracyM()).isCloseTo(3.1, within(1e-9));

    assertThat(api.image(s.id(), first.id())).isEqualTo(Files.readAllBytes(inside));
    Map<String, byte[]> zip = unzip(http(api).getBytes("/api/qz/v1/submissions/" + s.id() + "/images"));
    assertThat(zip.keySet()).containsExactly("DJI_0001.JPG", "DJI_0002.JPG");
    assertThat(zip.get("DJI_0002.JPG")).isEqualTo(Files.readAllBytes(outside));
    assertThat(api.mission(m.id()).submissions()).isEqualTo(1);
    assertThat(listed(api, m.id()).submissions()).isEqualTo(1); // ... shows the change at once
  }

  private static MissionDto listed(MissionsClient api, String id) {
    return api.missions("all", 1, 100).data().stream()
        .filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aCorruptOrNonJpegFileRefusesTheWholeSubmissionAndStoresNothing() throws Exception {
    MissionsClient api = as(ALL);
    MissionDto m = gothenburg(api, 10);
    Path good = photo("good.jpg", 11.98, 57.71, Instant.parse("2026-06-17T10:00:00Z"));
    byte[] whole = Files.readAllBytes(photo("cut.jpg", 11.985, 57.71,
        Instant.parse("2026-06-17T10:00:01Z")));
    Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length - 3000));
    Path png = Files.write(dir.resolve("fake.jpg"), "\u0089PNG\r\n\u001a\n not a jpeg".getBytes(
        StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> api.submit(m.id(), "z1", List.of(good, cut)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("cut.jpg").contains("truncated");
        });
    assertThatThrownBy(() -> api.submit(m.id(), "z1", List.of(png)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("not a JPEG");
        });
    assertThat(api.submissions(m.id(), 1, 10).meta().total()).isZero();
    assertThat(api.mission(m.id()).submissions()).isZero();
    // and a good submission still goes through afterwards
    assertThat(api.submit(m.id(), "z1", List.of(good)).imageCount()).isEqualTo(1);
  }

  @Test
  void intakeRefusesWhatIsNotMultipartAndWhatLacksAZoomer() throws Exception {
    MissionsClient api = as(ALL);
    MissionDto m = gothenburg(api, 10);
    RawResponse json = http(api).raw("POST", "/api/qz/v1/missions/" + m.id() + "/submissions",
        "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(json.status()).isEqualTo(415);
    Path good = photo("a.jpg", 11.98, 57.71, Instant.parse("2026-06-17T10:00:00Z"));
    assertThatThrownBy(() -> api.submit(m.id(), " ", List.of(good)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("zoomer_id");
        });
    assertThatThrownBy(() -> api.submit("mission_unknown", "z", List.of(good)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void approvalsCompleteTheMissionOnceAndDecisionsCanChange() {
    MissionsClient api = as(ALL);
    MissionDto m = gothenburg(api, 3);
    Instant t = Instant.parse("2026-06-17T10:00:00Z");
    SubmissionDto a = api.submit(m.id(), "z1",
        List.of(photo("a1.jpg", 11.98, 57.71, t), photo("a2.jpg", 11.981, 57.71, t)));
    SubmissionDto b = api.submit(m.id(), "z2", List.of(photo("b1.jpg", 11.99, 57.715, t)));

    assertThat(api.approve(a.id()).status()).isEqualTo("approved");
    assertThat(api.mission(m.id()).approvedImages()).isEqualTo(2);
    assertThat(listed(api, m.id()).approvedImages()).isEqualTo(2);
    SubmissionDto undone = api.reopen(a.id());
    assertThat(undone.status()).isEqualTo("received");
    assertThat(undone.decidedAt()).isNull();
    assertThat(api.mission(m.id()).approvedImages()).isZero();
    api.approve(a.id());
    assertThat(api.mission(m.id()).status()).isEqualTo("active");

    assertThatThrownBy(() -> api.reject(b.id(), " "))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    SubmissionDto rejected = api.reject(b.id(), "blurred");
    assertThat(rejected.status()).isEqualTo("rejected");
    assertThat(rejected.reason()).isEqualTo("blurred");

    // the rejection changed into an approval: 3 of 3, the mission completes
    assertThat(api.approve(b.id()).status()).isEqualTo("approved");
    MissionDto done = api.mission(m.id());
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.completedAt()).isNotNull();
    assertThat(api.missions(null, 1, 100).data()).extracting(MissionDto::id).doesNotContain(m.id());
    assertThat(api.missions("completed", 1, 100).data()).extracting(MissionDto::id).contains(m.id());

    // a completed mission takes no more submissions
    assertThatThrownBy(() -> api.submit(m.id(), "z3", List.of(photo("c.jpg", 11.98, 57.71, t))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void submissionsAsGeoJsonAndTheBulkExport() throws Exception {
    MissionsClient api = as(ALL);
    MissionDto m = gothenburg(api, 10);
    Instant t = Instant.parse("2026-06-17T10:31:44Z");
    Path first = photo("x.jpg", 11.98, 57.71, t);
    Path second = GeotaggedJpegs.write(Files.createDirectories(dir.resolve("card2")), "x.jpg",
        Tags.at(11.99, 57.71, t));
    SubmissionDto s = api.submit(m.id(), "usr_7m2n4p", List.of(first, second));

    RawResponse r = http(api).raw("GET",
        "/api/qz/v1/missions/" + m.id() + "/submissions?format=geojson", null, null);
    assertThat(r.header("Content-Type")).startsWith("application/geo+json");
    JsonNode fc = json(r);
    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    JsonNode f = fc.path("features").get(0);
    assertThat(f.path("geometry").path("type").asText()).isEqualTo("Point");
    assertThat(f.path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(11.985, within(1e-9));
    JsonNode props = f.path("properties");
    assertThat(props.path("submission_id").asText()).isEqualTo(s.id());
    assertThat(props.path("captured_at").asText()).isEqualTo("2026-06-17T10:31:44Z");
    assertThat(props.path("altitude_m").asDouble()).isEqualTo(28.4);
    assertThat(props.path("accuracy_m").asDouble()).isEqualTo(3.1);
    assertThat(props.path("image_count").asInt()).isEqualTo(2);

    Map<String, byte[]> zip = unzip(http(api).getBytes("/api/qz/v1/missions/" + m.id() + "/export"));
    assertThat(zip.keySet()).containsExactlyInAnyOrder(
        s.id() + "/x.jpg", s.id() + "/x-2.jpg", "metadata.json");
    JsonNode meta = http(api).json().readTree(zip.get("metadata.json"));
    assertThat(meta.path("mission").path("id").asText()).isEqualTo(m.id());
    JsonNode img = meta.path("submissions").get(0).path("images").get(1);
    assertThat(img.path("file").asText()).isEqualTo(s.id() + "/x-2.jpg");
    assertThat(zip.get(s.id() + "/x-2.jpg")).hasSize(img.path("size_bytes").asInt());
  }

  @Test
  void theDesktopImportsByPathOnlyWithinItsRoots() throws Exception {
    MissionsClient desktop = new MissionsClient(svc.desktop());
    MissionDto m = gothenburg(desktop, 10);
    Path p = photo("local.jpg", 11.98, 57.71, Instant.parse("2026-06-17T10:00:00Z"));
    SubmissionDto s = desktop.importFiles(m.id(), "desktop", List.of(p));
    assertThat(s.imageCount()).isEqualTo(1);
    assertThat(desktop.submission(s.id()).images().get(0).fileName()).isEqualTo("local.jpg");
    assertThatThrownBy(() -> desktop.importFiles(m.id(), "desktop", List.of(Path.of("/etc/hostname"))))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).doesNotContain("/etc");
        });
  }

  @Test
  void rateLimitsCountPerClientAndAnswer429WithTheHeaders() {
    svc.clock.set(Instant.parse("2026-11-25T12:00:10Z"));
    ClientDto c = client("missions:read", "3/100", null);
    TokenResponse t = new MissionsClient(svc.anonymous()).token(c.clientId(), c.clientSecret(), null);
    TesseraClient http = svc.bearer(t.accessToken());
    for (int i = 2; i >= 0; i--) {
      RawResponse r = http.raw("GET", "/api/qz/v1/missions", null, null);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-RateLimit-Limit")).isEqualTo("3");
      assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(i));
      assertThat(r.header("X-RateLimit-Reset"))
          .isEqualTo(Long.toString(Instant.parse("2026-11-25T12:01:00Z").getEpochSecond()));
    }
    RawResponse over = http.raw("GET", "/api/qz/v1/missions", null, null);
    assertThat(over.status()).isEqualTo(429);
    assertThat(over.header("Retry-After")).isEqualTo("50");
    assertThat(over.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(over.header("Content-Type")).startsWith("application/problem+json");

    svc.clock.set(Instant.parse("2026-11-25T12:01:00Z"));
    assertThat(http.raw("GET", "/api/qz/v1/missions", null, null).status()).isEqualTo(200);

    // the desktop's own credential is not limited and gets no headers
    assertThat(svc.desktop().raw("GET", "/api/qz/v1/missions", null, null)
        .header("X-RateLimit-Limit")).isNull();
  }

  @Test
  void theHourWindowIsReportedWhenItIsCloserToItsLimit() {
    svc.clock.set(Instant.parse("2026-11-25T15:20:00Z"));
    ClientDto c = client("missions:read", "60/2", null);
    TokenResponse t = new MissionsClient(svc.anonymous()).token(c.clientId(), c.clientSecret(), null);
    TesseraClient http = svc.bearer(t.accessToken());
    RawResponse r = http.raw("GET", "/api/qz/v1/missions", null, null);
    assertThat(r.header("X-RateLimit-Limit")).isEqualTo("2");
    assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("1");
    assertThat(r.header("X-RateLimit-Reset"))
        .isEqualTo(Long.toString(Instant.parse("2026-11-25T16:00:00Z").getEpochSecond()));
    http.raw("GET", "/api/qz/v1/missions", null, null);
    svc.clock.set(Instant.parse("2026-11-25T15:25:00Z")); // a new minute, the same hour
    RawResponse over = http.raw("GET", "/api/qz/v1/missions", null, null);
    assertThat(over.status()).isEqualTo(429);
    assertThat(over.header("X-RateLimit-Limit")).isEqualTo("2");
    assertThat(Long.parseLong(over.header("Retry-After"))).isEqualTo(35 * 60);
  }

  private static TesseraClient http(MissionsClient api) {
    try {
      var f = MissionsClient.class.getDeclaredField("http");
      f.setAccessible(true);
      return (TesseraClient) f.get(api);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode json(RawResponse r) {
    try {
      return svc.anonymous().json().readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }
}
