package io.tessera.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Real JPEGs with GPS and time tags for tests: a copy of a real survey photo (see
 * {@code photos/ATTRIBUTION.md}) whose EXIF gets the position, altitude, accuracy and capture
 * time a test asks for, written losslessly with Apache Commons Imaging.
 */
public final class GeotaggedJpegs {
  /** EXIF 2.31 OffsetTimeOriginal (0x9011), which Commons Imaging has no constant for. */
  private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
      new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

  private static final DateTimeFormatter EXIF_TIME =
      DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

  private GeotaggedJpegs() {}

  /** The base photo (640×427, Canon EOS Rebel XSi EXIF, no GPS). */
  public static byte[] basePhoto() {
    try (InputStream in = GeotaggedJpegs.class.getResourceAsStream("/photos/copr-IMG_0031-640.jpg")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What to write into a photo; null fields are left out. */
  public record Tags(
      double lon,
      double lat,
      Double altitudeM,
      Double accuracyM,
      Instant capturedAt,
      ZoneOffset offset,
      boolean gpsTime) {
    /** Position and capture time with OffsetTimeOriginal in UTC+2, altitude 28.4 m, 3.1 m. */
    public static Tags at(double lon, double lat, Instant capturedAt) {
      return new Tags(lon, lat, 28.4, 3.1, capturedAt, ZoneOffset.ofHours(2), false);
    }
  }

  /** The base photo with {@code tags}. */
  public static byte[] tagged(Tags tags) {
    return tagged(basePhoto(), tags);
  }

  /** {@code jpeg} with {@code tags} written into its EXIF, pixels untouched. */
  public static byte[] tagged(byte[] jpeg, Tags tags) {
    try {
      TiffOutputSet set = existing(jpeg);
      set.setGpsInDegrees(tags.lon(), tags.lat());
      TiffOutputDirectory gps = set.getOrCreateGpsDirectory();
      if (tags.altitudeM() != null) {
        gps.removeField(GpsTagConstants.GPS_TAG_GPS_ALTITUDE);
        gps.removeField(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF);
        gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE, RationalNumber.valueOf(Math.abs(tags.altitudeM())));
        gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF,
            (byte) (tags.altitudeM() < 0 ? 1 : 0));
      }
      if (tags.accuracyM() != null) {
        gps.removeField(GpsTagConstants.GPS_TAG_GPS_HOR_POSITIONING_ERROR);
        gps.add(GpsTagConstants.GPS_TAG_GPS_HOR_POSITIONING_ERROR,
            RationalNumber.valueOf(tags.accuracyM()));
      }
      TiffOutputDirectory exif = set.getOrCreateExifDirectory();
      if (tags.capturedAt() != null) {
        LocalDateTime local = LocalDateTime.ofInstant(tags.capturedAt(), tags.offset());
        exif.removeField(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
        exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TIME.format(local));
        exif.removeField(ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_ORIGINAL);
        exif.removeField(OFFSET_TIME_ORIGINAL);
        exif.add(OFFSET_TIME_ORIGINAL, tags.offset().getId().equals("Z") ? "+00:00" : tags.offset().getId());
        if (tags.gpsTime()) {
          LocalDateTime utc = LocalDateTime.ofInstant(tags.capturedAt(), ZoneOffset.UTC);
          gps.removeField(GpsTagConstants.GPS_TAG_GPS_DATE_STAMP);
          gps.removeField(GpsTagConstants.GPS_TAG_GPS_TIME_STAMP);
          gps.add(GpsTagConstants.GPS_TAG_GPS_DATE_STAMP,
              String.format(Locale.ROOT, "%04d:%02d:%02d", utc.getYear(), utc.getMonthValue(),
                  utc.getDayOfMonth()));
          gps.add(GpsTagConstants.GPS_TAG_GPS_TIME_STAMP,
              RationalNumber.valueOf(utc.getHour()), RationalNumber.valueOf(utc.getMinute()),
              RationalNumber.valueOf(utc.getSecond()));
        }
      }
      set.getOrCreateRootDirectory().removeField(TiffTagConstants.TIFF_TAG_ORIENTATION);
      set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 4096);
      new ExifRewriter().updateExifMetadataLossless(jpeg, out, set);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@link #tagged(Tags)} to {@code dir/name} and returns the path. */
  public static Path write(Path dir, String name, Tags tags) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, tagged(tags));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TiffOutputSet existing(byte[] jpeg) throws IOException {
    try {
      if (Imaging.getMetadata(jpeg) instanceof JpegImageMetadata md && md.getExif() != null) {
        return md.getExif().getOutputSet();
      }
    } catch (ImagingException e) {
      // no readable EXIF: start from an empty set
    }
    return new TiffOutputSet();
  }
}
