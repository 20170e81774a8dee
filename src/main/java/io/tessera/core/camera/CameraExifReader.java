package io.tessera.core.camera;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPIterator;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPPropertyInfo;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@link CameraExif} from a JPEG or TIFF with metadata-extractor: EXIF size, focal
 * lengths, focal plane resolution and GPS, and XMP attitude and calibration from DJI's
 * {@code drone-dji} namespace ({@value #DJI_NS}) and Pix4D's camera namespace ({@value #PIX4D_NS},
 * which senseFly cameras write). XMP names are matched by namespace and local name, whatever
 * prefix the file binds them to.
 */
public final class CameraExifReader {
  static final String DJI_NS = "http://www.dji.com/drone-dji/1.0/";
  static final String PIX4D_NS = "http://pix4d.com/camera/1.0";

  private CameraExifReader() {}

  /** The file is not an image whose metadata can be read; the message says why. */
  public static final class UnreadableImageException extends Exception {
    public UnreadableImageException(String message) {
      super(message);
    }
  }

  /** Reads {@code file}. */
  public static CameraExif read(Path file) throws IOException, UnreadableImageException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** Reads an image from {@code in} (not closed). */
  public static CameraExif read(InputStream in) throws IOException, UnreadableImageException {
    Metadata md;
    try {
      md = ImageMetadataReader.readMetadata(in);
    } catch (ImageProcessingException | RuntimeException e) {
      throw new UnreadableImageException("unreadable image metadata: " + e.getMessage());
    }
    ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
    ExifSubIFDDirectory exif = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);

    int[] size = size(md, ifd0, exif);
    if (size == null) {
      throw new UnreadableImageException("the image has no size in its metadata");
    }

    Double lon = null;
    Double lat = null;
    Double alt = null;
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
    }

    Map<String, String> dji = new HashMap<>();
    Map<String, String> pix4d = new HashMap<>();
    for (XmpDirectory x : md.getDirectoriesOfType(XmpDirectory.class)) {
      collectXmp(x.getXMPMeta(), dji, pix4d);
    }
    double[] pp = pair(pix4d.get("PrincipalPoint"));

    return new CameraExif(
        size[0],
        size[1],
        ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION),
        text(ifd0, ExifDirectoryBase.TAG_MAKE),
        text(ifd0, ExifDirectoryBase.TAG_MODEL),
        rational(exif, ExifDirectoryBase.TAG_FOCAL_LENGTH),
        exif == null ? null : positiveOrNull(exif.getInteger(ExifDirectoryBase.TAG_35MM_FILM_EQUIV_FOCAL_LENGTH)),
        exif == null ? null : exif.getInteger(ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH),
        focalPlanePerMm(exif),
        lon,
        lat,
        alt,
        number(dji.get("GimbalYawDegree")),
        number(dji.get("GimbalPitchDegree")),
        number(dji.get("GimbalRollDegree")),
        number(dji.get("RelativeAltitude")),
        number(dji.get("AbsoluteAltitude")),
        number(dji.get("CalibratedFocalLength")),
        number(dji.get("CalibratedOpticalCenterX")),
        number(dji.get("CalibratedOpticalCenterY")),
        number(pix4d.get("Yaw")),
        number(pix4d.get("Pitch")),
        number(pix4d.get("Roll")),
        number(pix4d.get("PerspectiveFocalLength")),
        pp == null ? null : pp[0],
        pp == null ? null : pp[1],
        number(pix4d.get("GPSXYAccuracy")),
        number(pix4d.get("GPSZAccuracy")));
  }

  private static int[] size(Metadata md, ExifIFD0Directory ifd0, ExifSubIFDDirectory exif) {
    JpegDirectory jpeg = md.getFirstDirectoryOfType(JpegDirectory.class);
    try {
      if (jpeg != null && jpeg.getImageWidth() > 0 && jpeg.getImageHeight() > 0) {
        return new int[] {jpeg.getImageWidth(), jpeg.getImageHeight()};
      }
    } catch (MetadataException e) {
      // fall through to the TIFF tags
    }
    Integer w = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_IMAGE_WIDTH);
    Integer h = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_IMAGE_HEIGHT);
    if (w == null || h == null) {
      w = exif == null ? null : exif.getInteger(ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH);
      h = exif == null ? null : exif.getInteger(ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT);
    }
    return w != null && h != null && w > 0 && h > 0 ? new int[] {w, h} : null;
  }

  /**
   * FocalPlaneXResolution in pixels per mm, by FocalPlaneResolutionUnit: 2 inch (also when
   * absent, the EXIF default), 3 cm, and the 4 mm and 5 µm some cameras write; 1 (no unit)
   * gives nothing.
   */
  private static Double focalPlanePerMm(ExifSubIFDDirectory exif) {
    Double res = rational(exif, ExifDirectoryBase.TAG_FOCAL_PLANE_X_RESOLUTION);
    if (res == null || res <= 0) {
      return null;
    }
    Integer unit = exif.getInteger(ExifDirectoryBase.TAG_FOCAL_PLANE_RESOLUTION_UNIT);
    double mmPerUnit = switch (unit == null ? 2 : unit) {
      case 2 -> 25.4;
      case 3 -> 10;
      case 4 -> 1;
      case 5 -> 0.001;
      default -> Double.NaN;
    };
    return Double.isNaN(mmPerUnit) ? null : res / mmPerUnit;
  }

  private static void collectXmp(XMPMeta meta, Map<String, String> dji, Map<String, String> pix4d) {
    if (meta == null) {
      return;
    }
    try {
      XMPIterator it = meta.iterator();
      while (it.hasNext()) {
        XMPPropertyInfo p = (XMPPropertyInfo) it.next();
        String ns = p.getNamespace();
        String path = p.getPath();
        Object value = p.getValue();
        if (ns == null || path == null || value == null) {
          continue;
        }
        String local = path.substring(path.lastIndexOf(':') + 1);
        if (ns.equals(DJI_NS)) {
          dji.putIfAbsent(local, value.toString());
        } else if (ns.startsWith(PIX4D_NS)) {
          pix4d.putIfAbsent(local, value.toString());
        }
      }
    } catch (XMPException e) {
      // an XMP packet that cannot be walked adds nothing
    }
  }

  private static String text(Directory d, int tag) {
    String s = d == null ? null : d.getString(tag);
    if (s == null) {
      return null;
    }
    String t = s.replace("\0", "").trim();
    return t.isEmpty() ? null : t;
  }

  private static Double rational(Directory d, int tag) {
    if (d == null) {
      return null;
    }
    Rational r = d.getRational(tag);
    if (r == null || r.getDenominator() == 0) {
      return null;
    }
    return r.doubleValue();
  }

  private static Double positiveOrNull(Integer v) {
    return v == null || v <= 0 ? null : v.doubleValue();
  }

  /** A decimal number ("+12.5", "-89.90") or a rational ("1234/100"); null when neither. */
  static Double number(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    try {
      int slash = t.indexOf('/');
      double v = slash > 0
          ? Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1))
          : Double.parseDouble(t);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double[] pair(String s) {
    if (s == null) {
      return null;
    }
    String[] parts = s.split(",");
    if (parts.length != 2) {
      return null;
    }
    Double a = number(parts[0]);
    Double b = number(parts[1]);
    return a == null || b == null ? null : new double[] {a, b};
  }
}
