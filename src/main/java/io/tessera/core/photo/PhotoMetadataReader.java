package io.tessera.core.photo;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import io.tessera.core.photo.PhotoMetadata.TimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Reads a JPEG's EXIF summary with metadata-extractor and checks that the file is a whole JPEG.
 *
 * <p>Capture time, per ARCHITECTURE §11: DateTimeOriginal with OffsetTimeOriginal when both are
 * present; else the GPS date and time stamps (UTC); else DateTimeOriginal as the camera's local
 * time, read with the offset the caller configures (a project's, or UTC).
 *
 * <p>The structural check refuses what is not a JPEG (no SOI marker), what metadata-extractor
 * cannot parse, what has no frame header (no size), and truncated files (no EOI marker at the
 * end, allowing trailing padding). It does not decode the pixels: that costs a full decode per
 * photo and belongs to the viewers and tilers, which report their own errors.
 */
public final class PhotoMetadataReader {
  private static final DateTimeFormatter EXIF_TIME =
      DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
  private static final int TAIL_BYTES = 4096;

  private PhotoMetadataReader() {}

  /** The file is not a readable JPEG; the message says why, without the server's path. */
  public static final class NotAJpegException extends Exception {
    public NotAJpegException(String message) {
      super(message);
    }
  }

  /** Reads and checks {@code file}; {@code cameraOffset} applies to camera-local times. */
  public static PhotoMetadata read(Path file, ZoneOffset cameraOffset)
      throws IOException, NotAJpegException {
    checkMarkers(file);
    Metadata md;
    try (InputStream in = Files.newInputStream(file)) {
      md = JpegMetadataReader.readMetadata(in);
    } catch (JpegProcessingException | RuntimeException e) {
      throw new NotAJpegException("not a readable JPEG: " + e.getMessage());
    }
    JpegDirectory jpeg = md.getFirstDirectoryOfType(JpegDirectory.class);
    int width;
    int height;
    try {
      if (jpeg == null) {
        throw new NotAJpegException("not a readable JPEG: it has no frame header");
      }
      width = jpeg.getImageWidth();
      height = jpeg.getImageHeight();
    } catch (com.drew.metadata.MetadataException e) {
      throw new NotAJpegException("not a readable JPEG: " + e.getMessage());
    }
    if (width <= 0 || height <= 0) {
      throw new NotAJpegException("not a readable JPEG: it has no image size");
    }
    ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
    ExifSubIFDDirectory exif = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);

    Double lon = null;
    Double lat = null;
    Double alt = null;
    Double accuracy = null;
    if (gps != null) {
      GeoLocation g = gps.getGeoLocation();
      if (g != null && !g.isZero()) {
        lon = g.getLongitude();
        lat = g.getLatitude();
      }
      Rational a = gps.getRational(GpsDirectory.TAG_ALTITUDE);
      if (a != null && a.getDenominator() != 0) {
        Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
        alt = (ref != null && ref == 1 ? -1 : 1) * a.doubleValue();
      }
      Rational e = gps.getRational(GpsDirectory.TAG_H_POSITIONING_ERROR);
      if (e != null && e.getDenominator() != 0) {
        accuracy = e.doubleValue();
      }
    }

    Instant captured = null;
    TimeSource source = null;
    String original = exif == null ? null : exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
    String offset = exif == null ? null : exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
    LocalDateTime local = parseLocal(original, exif);
    if (local != null && offset != null) {
      try {
        captured = OffsetDateTime.of(local, ZoneOffset.of(offset.trim())).toInstant();
        source = TimeSource.OFFSET_TIME_ORIGINAL;
      } catch (java.time.DateTimeException ignored) {
        // a malformed offset falls through to the next rule
      }
    }
    if (captured == null && gps != null) {
      Date d = gps.getGpsDate();
      if (d != null) {
        captured = d.toInstant();
        source = TimeSource.GPS;
      }
    }
    if (captured == null && local != null) {
      captured = local.toInstant(cameraOffset);
      source = TimeSource.CAMERA_LOCAL;
    }

    return new PhotoMetadata(
        width,
        height,
        lon,
        lat,
        alt,
        accuracy,
        captured,
        source,
        trimmed(ifd0 == null ? null : ifd0.getString(ExifDirectoryBase.TAG_MAKE)),
        trimmed(ifd0 == null ? null : ifd0.getString(ExifDirectoryBase.TAG_MODEL)),
        ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION));
  }

  private static LocalDateTime parseLocal(String value, Directory exif) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.parse(value.trim(), EXIF_TIME);
      String sub = exif.getString(ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL);
      if (sub != null && sub.trim().matches("\\d{1,9}")) {
        String digits = (sub.trim() + "000000000").substring(0, 9);
        t = t.withNano(Integer.parseInt(digits));
      }
      return t;
    } catch (DateTimeParseException e) {
      return null; // "0000:00:00 00:00:00" and other placeholders mean: unknown
    }
  }

  private static void checkMarkers(Path file) throws IOException, NotAJpegException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      if (size < 4 || f.read() != 0xFF || f.read() != 0xD8) {
        throw new NotAJpegException("not a JPEG: it does not start with a JPEG marker");
      }
      int tail = (int) Math.min(size, TAIL_BYTES);
      byte[] end = new byte[tail];
      f.seek(size - tail);
      f.readFully(end);
      int i = tail - 1;
      while (i > 0 && end[i] == 0) {
        i--; // some cameras pad the file with zeros after the end-of-image marker
      }
      if (i < 1 || end[i - 1] != (byte) 0xFF || end[i] != (byte) 0xD9) {
        throw new NotAJpegException("a truncated JPEG: it does not end with an end-of-image marker");
      }
    }
  }

  private static String trimmed(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replace("\0", "").trim();
    return t.isEmpty() ? null : t;
  }
}
