package io.tessera.service.mission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.core.mission.Mission;
import io.tessera.core.mission.Submission;
import io.tessera.core.mission.SubmissionImage;
import io.tessera.service.auth.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ZIP downloads: a submission's original photos, and a mission's bulk export (every photo plus a
 * {@code metadata.json} index). Photos are stored, not deflated (JPEG does not shrink), and copied
 * byte for byte, so their EXIF is exactly what was uploaded.
 */
public final class Exports {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final MissionService missions;
  private final SubmissionService submissions;

  public Exports(MissionService missions, SubmissionService submissions) {
    this.missions = missions;
    this.submissions = submissions;
  }

  /**
   * A ZIP ready to be written: everything it needs is read (and a missing record refused) when
   * it is made, before the caller starts the download.
   */
  public interface Download {
    void write(OutputStream out) throws IOException;
  }

  /** The submission's photos under their uploaded names (made unique where they repeat). */
  public Download submissionZip(Principal p, String submissionId) {
    SubmissionService.Detail d = submissions.get(p, submissionId);
    return out -> writeSubmissionZip(d, out);
  }

  private void writeSubmissionZip(SubmissionService.Detail d, OutputStream out)
      throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      Set<String> used = new HashSet<>();
      for (SubmissionImage img : d.images()) {
        store(zip, unique(used, img.fileName()), submissions.file(img));
      }
    }
  }

  /**
   * All photos of the mission's submissions as {@code SUBMISSION_ID/NAME}, then {@code
   * metadata.json}: the mission, and per submission its decision, position and photos with their
   * EXIF summaries and paths in the archive.
   */
  public Download missionZip(Principal p, String missionId) {
    Mission m = missions.get(p, missionId);
    List<SubmissionService.Detail> all = submissions.all(p, missionId);
    return out -> writeMissionZip(m, all, out);
  }

  private void writeMissionZip(Mission m, List<SubmissionService.Detail> all, OutputStream out)
      throws IOException {
    List<Map<String, Object>> index = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (SubmissionService.Detail d : all) {
        Submission s = d.submission();
        Set<String> used = new HashSet<>();
        List<Map<String, Object>> images = new ArrayList<>();
        for (SubmissionImage img : d.images()) {
          String path = s.id() + "/" + unique(used, img.fileName());
          store(zip, path, submissions.file(img));
          images.add(image(img, path));
        }
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("submission_id", s.id());
        sub.put("zoomer_id", s.zoomerId());
        sub.put("status", s.status());
        sub.put("reason", s.reason());
        sub.put("captured_at", Events.time(s.capturedAt()));
        sub.put("location", location(s.lat(), s.lon()));
        sub.put("altitude_m", s.altitudeM());
        sub.put("accuracy_m", s.accuracyM());
        sub.put("image_count", s.imageCount());
        sub.put("images", images);
        index.add(sub);
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      Map<String, Object> mission = new LinkedHashMap<>();
      mission.put("id", m.id());
      mission.put("title", m.title());
      mission.put("description", m.description());
      mission.put("status", m.status());
      mission.put("required_images", m.requiredImages());
      mission.put("approved_images", m.approvedImages());
      mission.put("bounds", JSON.readTree(m.boundsGeojson()));
      mission.put("created_at", Events.time(m.createdAt()));
      meta.put("mission", mission);
      meta.put("submissions", index);
      zip.putNextEntry(new ZipEntry("metadata.json"));
      zip.write(JSON.writeValueAsBytes(meta));
      zip.closeEntry();
    }
  }

  private static Map<String, Object> image(SubmissionImage img, String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("image_id", img.id());
    m.put("file", path);
    m.put("sha256", img.sha256());
    m.put("size_bytes", img.sizeBytes());
    m.put("width", img.width());
    m.put("height", img.height());
    m.put("location", location(img.lat(), img.lon()));
    m.put("altitude_m", img.altitudeM());
    m.put("accuracy_m", img.accuracyM());
    m.put("captured_at", Events.time(img.capturedAt()));
    m.put("make", img.make());
    m.put("model", img.model());
    m.put("orientation", img.orientation());
    m.put("outside_bounds", img.outsideBounds());
    return m;
  }

  private static Map<String, Object> location(Double lat, Double lon) {
    if (lat == null || lon == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lat", lat);
    m.put("lng", lon);
    return m;
  }

  /** Adds a file as a STORED entry (CRC computed first, as the ZIP format requires). */
  private static void store(ZipOutputStream zip, String name, Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[64 * 1024];
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        crc.update(buf, 0, n);
        size += n;
      }
    }
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(size);
    e.setCompressedSize(size);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    Files.copy(file, zip);
    zip.closeEntry();
  }

  private static String unique(Set<String> used, String name) {
    String candidate = name;
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 2; !used.add(candidate); i++) {
      candidate = stem + "-" + i + ext;
    }
    return candidate;
  }
}
