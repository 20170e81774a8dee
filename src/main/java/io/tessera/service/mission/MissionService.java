package io.tessera.service.mission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.geo.Polygons;
import io.tessera.core.mission.Mission;
import io.tessera.core.model.Ids;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.webhook.Outbox;
import io.tessera.store.MissionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/** Creating and reading missions. Scopes are checked here, whatever the surface. */
public final class MissionService {
  public static final int MAX_PER_PAGE = 100;
  public static final int DEFAULT_PER_PAGE = 20;
  private static final int MAX_REQUIRED_IMAGES = 1_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final Clock clock;
  private final Outbox outbox;
  private final MissionGeneration generation;
  private final MissionRepository missions = new MissionRepository();

  /** One page of a list, with the total count. */
  public record Page<T>(List<T> items, long total, int page, int perPage) {}

  /** What a new mission needs; {@code rings} are GeoJSON rings of [lon, lat] positions. */
  public record NewMission(
      String title, String description, List<List<double[]>> rings, Integer requiredImages) {}

  public MissionService(Jdbi jdbi, Clock clock, Outbox outbox, MissionGeneration generation) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.outbox = outbox;
    this.generation = generation;
  }

  public Mission create(Principal p, NewMission m) {
    p.requireScope("missions:write");
    String title = m.title() == null ? "" : m.title().trim();
    if (title.isEmpty()) {
      throw new DomainException.Invalid("title is required");
    }
    if (title.length() > 300) {
      throw new DomainException.Invalid("title is longer than 300 characters");
    }
    String description = m.description() == null ? "" : m.description().trim();
    if (description.length() > 4000) {
      throw new DomainException.Invalid("description is longer than 4000 characters");
    }
    if (m.requiredImages() == null) {
      throw new DomainException.Invalid("requiredImages is required");
    }
    if (m.requiredImages() < 1 || m.requiredImages() > MAX_REQUIRED_IMAGES) {
      throw new DomainException.Invalid(
          "requiredImages must be between 1 and " + MAX_REQUIRED_IMAGES);
    }
    Polygon polygon;
    try {
      polygon = Polygons.fromRings(m.rings());
    } catch (Polygons.InvalidPolygonException e) {
      throw new DomainException.Invalid("bounds: " + e.getMessage(), Map.of("field", "bounds"));
    }
    Instant now = clock.instant();
    Envelope env = polygon.getEnvelopeInternal();
    Mission mission =
        new Mission(
            Ids.next("mission_", now),
            UUID.randomUUID().toString(),
            p.organizationId(),
            title,
            description,
            geojson(polygon),
            env.getMinX(),
            env.getMinY(),
            env.getMaxX(),
            env.getMaxY(),
            Polygons.geodesicAreaSquareMeters(polygon),
            m.requiredImages(),
            0,
            Mission.ACTIVE,
            now,
            now,
            null,
            null,
            1,
            0);
    jdbi.useTransaction(
        h -> {
          missions.insert(h, mission);
          generation.changedIn(h);
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("mission_id", mission.id());
          data.put("title", mission.title());
          data.put("status", mission.status());
          data.put("required_images", mission.requiredImages());
          data.put("created_at", Events.time(now));
          outbox.record(h, p.organizationId(), "mission.created", data);
        });
    return mission;
  }

  public Mission get(Principal p, String id) {
    p.requireScope("missions:read");
    return jdbi.withHandle(h -> missions.byId(h, p.organizationId(), id))
        .orElseThrow(() -> new DomainException.NotFound("mission", id));
  }

  /** Missions with {@code status} (default active; {@code all} for every status). */
  /**
   * A checked list request: status null for all.
   */
  public record ListQuery(String organizationId, String status, int page, int perPage) {}

  /** Checks the caller's scope and the parameters of a list request. */
  public ListQuery query(Principal p, String status, Integer page, Integer perPage) {
    p.requireScope("missions:read");
    String s = status == null || status.isBlank() ? Mission.ACTIVE : status.trim();
    if (s.equals("all")) {
      s = null;
    } else if (!s.equals(Mission.ACTIVE) && !s.equals(Mission.COMPLETED)) {
      throw new DomainException.Invalid(
          "status must be active, completed or all, not '" + status + "'");
    }
    return new ListQuery(p.organizationId(), s, page(page), perPage(perPage));
  }

  public Page<Mission> list(Principal p, String status, Integer page, Integer perPage) {
    return list(query(p, status, page, perPage));
  }

  /** Runs a checked list request. */
  public Page<Mission> list(ListQuery q) {
    return jdbi.withHandle(
        h ->
            new Page<>(
                missions.list(h, q.organizationId(), q.status(), (q.page() - 1) * q.perPage(),
                    q.perPage()),
                missions.count(h, q.organizationId(), q.status()),
                q.page(),
                q.perPage()));
  }

  /** The count of committed mission changes (see {@link MissionGeneration}). */
  public long generation() {
    return generation.current();
  }

  static int page(Integer page) {
    if (page == null) {
      return 1;
    }
    if (page < 1) {
      throw new DomainException.Invalid("page starts at 1");
    }
    return page;
  }

  static int perPage(Integer perPage) {
    if (perPage == null) {
      return DEFAULT_PER_PAGE;
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new DomainException.Invalid("per_page must be between 1 and " + MAX_PER_PAGE);
    }
    return perPage;
  }

  /** The polygon as RFC 7946 GeoJSON text. */
  static String geojson(Polygon p) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("type", "Polygon");
    g.put("coordinates", Polygons.toRings(p));
    try {
      return JSON.writeValueAsString(g);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads back a mission's stored bounds as rings. */
  public static List<List<double[]>> rings(Mission m) {
    try {
      var node = JSON.readTree(m.boundsGeojson()).get("coordinates");
      List<List<double[]>> rings = new java.util.ArrayList<>();
      for (var ring : node) {
        List<double[]> positions = new java.util.ArrayList<>();
        for (var pos : ring) {
          positions.add(new double[] {pos.get(0).asDouble(), pos.get(1).asDouble()});
        }
        rings.add(positions);
      }
      return rings;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored bounds of " + m.id() + " are not JSON", e);
    }
  }
}
