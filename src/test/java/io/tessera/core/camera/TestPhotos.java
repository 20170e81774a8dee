package io.tessera.core.camera;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Small JPEGs carrying the EXIF and XMP of survey cameras, made at test time: a grey synthetic
 * picture (no one's photo) with tags written by Apache Commons Imaging, and the copr fixture (see
 * {@code camera/ATTRIBUTION.md}).
 */
public final class TestPhotos {
  private TestPhotos() {}

  /** {@code camera/copr-IMG_0031-267.jpg}: a copr survey photo at 267 × 178 with its own EXIF. */
  static byte[] copr() {
    try (InputStream in = TestPhotos.class.getResourceAsStream("/camera/copr-IMG_0031-267.jpg")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What to write; null fields are left out. */
  public record Exif(
      String make,
      String model,
      Double focalMm,
      Integer focal35mm,
      Integer exifWidth,
      Double focalPlaneXResolutionPerInch,
      Double lon,
      Double lat,
      Double altitudeM) {}

  /** A {@code width} × {@code height} grey JPEG with {@code exif} and, unless null, {@code xmp}. */
  public static byte[] jpeg(int width, int height, Exif exif, String xmp) {
    try {
      BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int g = 96 + (x * 7 + y * 13) % 64;
          img.setRGB(x, y, g << 16 | g << 8 | g);
        }
      }
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      ImageIO.write(img, "jpg", plain);

      TiffOutputSet set = new TiffOutputSet();
      TiffOutputDirectory root = set.getOrCreateRootDirectory();
      TiffOutputDirectory ifd = set.getOrCreateExifDirectory();
      if (exif.make() != null) {
        root.add(TiffTagConstants.TIFF_TAG_MAKE, exif.make());
      }
      if (exif.model() != null) {
        root.add(TiffTagConstants.TIFF_TAG_MODEL, exif.model());
      }
      root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 1);
      if (exif.focalMm() != null) {
        ifd.add(ExifTagConstants.EXIF_TAG_FOCAL_LENGTH, RationalNumber.valueOf(exif.focalMm()));
      }
      if (exif.focal35mm() != null) {
        ifd.add(ExifTagConstants.EXIF_TAG_FOCAL_LENGTH_IN_35MM_FORMAT, exif.focal35mm().shortValue());
      }
      if (exif.exifWidth() != null) {
        ifd.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH, exif.exifWidth().shortValue());
      }
      if (exif.focalPlaneXResolutionPerInch() != null) {
        ifd.add(ExifTagConstants.EXIF_TAG_FOCAL_PLANE_XRESOLUTION_EXIF_IFD,
            RationalNumber.valueOf(exif.focalPlaneXResolutionPerInch()));
        ifd.add(ExifTagConstants.EXIF_TAG_FOCAL_PLANE_RESOLUTION_UNIT_EXIF_IFD, (short) 2);
      }
      if (exif.lon() != null && exif.lat() != null) {
        set.setGpsInDegrees(exif.lon(), exif.lat());
      }
      if (exif.altitudeM() != null) {
        TiffOutputDirectory gps = set.getOrCreateGpsDirectory();
        gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE, RationalNumber.valueOf(Math.abs(exif.altitudeM())));
        gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF, (byte) (exif.altitudeM() < 0 ? 1 : 0));
      }
      ByteArrayOutputStream tagged = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, set);
      if (xmp == null) {
        return tagged.toByteArray();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new JpegXmpRewriter().updateXmpXml(tagged.toByteArray(), out, xmp);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XMP packet with one rdf:Description holding {@code attributes} in namespace {@code ns}. */
  public static String xmp(String prefix, String ns, String... attributes) {
    StringBuilder sb = new StringBuilder();
    sb.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
        .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
        .append("  <rdf:Description rdf:about=\"\" xmlns:").append(prefix).append("=\"").append(ns)
        .append("\"");
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      sb.append(String.format(Locale.ROOT, "%n    %s:%s=\"%s\"", prefix, attributes[i], attributes[i + 1]));
    }
    sb.append("/>\n </rdf:RDF>\n</x:xmpmeta>");
    return sb.toString();
  }
}
