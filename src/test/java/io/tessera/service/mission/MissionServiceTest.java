package io.tessera.service.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.mission.Mission;
import io.tessera.core.mission.Submission;
import io.tessera.service.DomainException;
import io.tessera.service.OrganizationService;
import io.tessera.service.auth.Principal;
import io.tessera.service.auth.Role;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.MasterKey;
import io.tessera.service.webhook.Outbox;
import io.tessera.service.security.PinnedDns;
import io.tessera.service.webhook.WebhookDispatcher;
import io.tessera.service.webhook.WebhookService;
import io.tessera.testing.WebhookReceiver;
import java.time.Duration;
import io.tessera.store.BlobStore;
import io.tessera.store.Database;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.GeotaggedJpegs.Tags;
import io.tessera.testing.MutableClock;
import io.tessera.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Missions, intake and decisions on real H2 and real PostgreSQL: the SQL of both dialects, the
 * outbox rows written with each change, and what a refused intake leaves behind.
 */
class MissionServiceTest {
  @TempDir static Path dir;
  private static final List<double[]> SQUARE =
      List.of(new double[] {11.97, 57.70}, new double[] {12.00, 57.70},
          new double[] {12.00, 57.72}, new double[] {11.97, 57.72}, new double[] {11.97, 57.70});

  static Stream<String> databases() throws Exception {
    return TestDatabases.fresh(dir.resolve("db-" + System.nanoTime())).stream();
  }

  private record Fixture(Database db, MutableClock clock, MissionService missions,
      SubmissionService submissions, Principal desktop) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
    }

    long count(String sql) {
      return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
  }

  private static Fixture fixture(String url) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-17T10:00:00Z"));
    Database db = Database.open(url, clock);
    db.migrate(dir.resolve("backups"));
    String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Test");
    Outbox outbox = new Outbox(clock);
    BlobStore blobs = new BlobStore(dir.resolve("blobs-" + System.nanoTime()));
    OutboundPolicy policy = new OutboundPolicy(true, Set.of(), List.of(dir));
    Principal desktop = new Principal(Principal.Kind.DESKTOP, "desktop", org, null, Role.ADMIN,
        Set.of(), false, null);
    MissionGeneration generation = new MissionGeneration();
    return new Fixture(db, clock, new MissionService(db.jdbi(), clock, outbox, generation),
        new SubmissionService(db.jdbi(), clock, blobs, outbox, policy, generation), desktop);
  }

  private static SubmissionService.Staged stage(SubmissionService s, double lon, double lat)
      throws Exception {
    byte[] jpeg = GeotaggedJpegs.tagged(Tags.at(lon, lat, Instant.parse("2026-06-17T09:00:00Z")));
    return s.stage("p.jpg", new ByteArrayInputStream(jpeg), SubmissionService.MAX_IMAGE_BYTES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMissionGoesFromCreatedToCompletedWithItsEventsInTheOutbox(String url) throws Exception {
    try (Fixture f = fixture(url)) {
      Mission m = f.missions().create(f.desktop(),
          new MissionService.NewMission("Survey", "", List.of(SQUARE), 2));
      assertThat(f.missions().list(f.desktop(), null, null, null).total()).isEqualTo(1);
      assertThat(f.missions().list(f.desktop(), "all", 1, 10).items()).hasSize(1);

      Submission s = f.submissions().intake(f.desktop(), m.id(), "z1",
          List.of(stage(f.submissions(), 11.98, 57.71), stage(f.submissions(), 12.5, 57.71)));
      assertThat(s.outsideCount()).isEqualTo(1);
      assertThat(f.missions().get(f.desktop(), m.id()).submissionCount()).isEqualTo(1);
      assertThat(f.submissions().list(f.desktop(), m.id(), 1, 10).items()).hasSize(1);

      f.submissions().reject(f.desktop(), s.id(), "blurred");
      f.submissions().approve(f.desktop(), s.id());
      Mission done = f.missions().get(f.desktop(), m.id());
      assertThat(done.status()).isEqualTo(Mission.COMPLETED);
      assertThat(done.approvedImages()).isEqualTo(2);

      f.submissions().reject(f.desktop(), s.id(), "changed my mind");
      f.submissions().approve(f.desktop(), s.id());
      assertThat(f.count("SELECT COUNT(*) FROM webhook_event WHERE event = 'mission.completed'"))
          .as("mission.completed is sent once").isEqualTo(1);
      assertThat(f.count("SELECT COUNT(*) FROM webhook_event")).isEqualTo(
          1 /* created */ + 1 /* received */ + 2 /* rejected */ + 2 /* approved */ + 1);
      assertThat(f.count("SELECT ref_count FROM blob ORDER BY sha256 LIMIT 1")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theOutboxDeliversTheEventsOfAChangeSignedToAWebhook(String url) throws Exception {
    try (Fixture f = fixture(url); WebhookReceiver receiver = WebhookReceiver.start()) {
      MasterKey key = MasterKey.loadOrCreate(dir.resolve("key-" + System.nanoTime()));
      PinnedDns dns = new PinnedDns();
      OutboundPolicy policy = new OutboundPolicy(true, Set.of(), List.of(), dns);
      var hook = new WebhookService(f.db().jdbi(), f.clock(), key, policy)
          .create(f.desktop().organizationId(), receiver.url("/hook"), null, null);
      Mission m = f.missions().create(f.desktop(),
          new MissionService.NewMission("Survey", "", List.of(SQUARE), 1));
      try (WebhookDispatcher dispatcher =
          new WebhookDispatcher(f.db().jdbi(), key, policy, dns, f.clock(), "test")) {
        assertThat(dispatcher.runDue()).isEqualTo(1);
      }
      WebhookReceiver.Received r = receiver.next(Duration.ofSeconds(10));
      assertThat(r.text()).contains("\"event\":\"mission.created\"").contains(m.id());
      assertThat(WebhookReceiver.verifySignature(r.body(), hook.secret(), r.header("X-QZ-Signature")))
          .isTrue();
      assertThat(f.count("SELECT COUNT(*) FROM webhook_delivery WHERE state = 'delivered'"))
          .isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRefusedIntakeLeavesNoRecordAndItsFilesToThePurge(String url) throws Exception {
    try (Fixture f = fixture(url)) {
      Mission m = f.missions().create(f.desktop(),
          new MissionService.NewMission("Survey", "", List.of(SQUARE), 2));
      List<SubmissionService.Staged> staged = new ArrayList<>();
      staged.add(stage(f.submissions(), 11.98, 57.71));
      staged.add(f.submissions().stage("bad.jpg",
          new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}), 1000));
      assertThatThrownBy(() -> f.submissions().intake(f.desktop(), m.id(), "z", staged))
          .isInstanceOf(DomainException.Invalid.class)
          .hasMessageContaining("bad.jpg");
      assertThat(f.count("SELECT COUNT(*) FROM submission")).isZero();
      assertThat(f.count("SELECT COUNT(*) FROM submission_image")).isZero();
      assertThat(f.count("SELECT COUNT(*) FROM webhook_event WHERE event = 'submission.received'"))
          .isZero();
      // the staged files are unreferenced rows the purge will collect
      assertThat(f.count("SELECT COUNT(*) FROM blob WHERE ref_count = 0 AND released_at IS NOT NULL"))
          .isEqualTo(2);
    }
  }
}
