package io.tessera.service.mission;

import io.tessera.core.mission.Submission;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The webhook payloads' {@code data} objects, in the document's field names. */
final class Events {
  private Events() {}

  static String time(Instant t) {
    return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  /** As the document's {@code submission.received} example, plus status and reason. */
  static Map<String, Object> submission(Submission s) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("submission_id", s.id());
    data.put("mission_id", s.missionId());
    data.put("zoomer_id", s.zoomerId());
    data.put("image_count", s.imageCount());
    if (s.lat() != null && s.lon() != null) {
      Map<String, Object> loc = new LinkedHashMap<>();
      loc.put("lat", s.lat());
      loc.put("lng", s.lon());
      data.put("location", loc);
    } else {
      data.put("location", null);
    }
    data.put("status", s.status());
    if (s.reason() != null) {
      data.put("reason", s.reason());
    }
    return data;
  }
}
