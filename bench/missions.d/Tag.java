// Writes geotagged copies of real photos for bench/missions, losslessly (pixels untouched) with
// Apache Commons Imaging: GPS position (a few metres apart per photo, around lon/lat), altitude,
// and an EXIF ImageUniqueID placeholder (32 characters, PLACEHOLDER below) that the upload
// driver overwrites per request so that every uploaded file has distinct bytes (the blob store
// is content-addressed: identical files would be stored once).
// usage: java -cp target/tessera.jar:commons-imaging.jar Tag.java OUT_DIR LON LAT IN.jpg...
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

public class Tag {
  public static final String PLACEHOLDER = "7e55e4a0b3c4b11d1d000000000000ff";

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    double lon = Double.parseDouble(args[1]);
    double lat = Double.parseDouble(args[2]);
    Files.createDirectories(out);
    for (int i = 3; i < args.length; i++) {
      Path in = Path.of(args[i]);
      byte[] jpeg = Files.readAllBytes(in);
      TiffOutputSet set = null;
      if (Imaging.getMetadata(jpeg) instanceof JpegImageMetadata md && md.getExif() != null) {
        set = md.getExif().getOutputSet();
      }
      if (set == null) {
        set = new TiffOutputSet();
      }
      int k = i - 3;
      // ~5 m steps in a 4 x 3 grid: every photo of a submission lies inside the mission's bounds
      set.setGpsInDegrees(lon + (k % 4) * 0.00005, lat + (k / 4) * 0.00005);
      TiffOutputDirectory gps = set.getOrCreateGpsDirectory();
      gps.removeField(GpsTagConstants.GPS_TAG_GPS_ALTITUDE);
      gps.removeField(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF);
      gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE, RationalNumber.valueOf(40.0 + k));
      gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF, (byte) 0);
      TiffOutputDirectory exif = set.getOrCreateExifDirectory();
      exif.removeField(ExifTagConstants.EXIF_TAG_IMAGE_UNIQUE_ID);
      exif.add(ExifTagConstants.EXIF_TAG_IMAGE_UNIQUE_ID, PLACEHOLDER);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(jpeg.length + 4096);
      new ExifRewriter().updateExifMetadataLossless(jpeg, bytes, set);
      byte[] tagged = bytes.toByteArray();
      if (count(tagged, PLACEHOLDER.getBytes(StandardCharsets.US_ASCII)) != 1) {
        throw new IllegalStateException(in + ": the ImageUniqueID placeholder is not there once");
      }
      Files.write(out.resolve(in.getFileName()), tagged);
    }
  }

  static int count(byte[] hay, byte[] needle) {
    int n = 0;
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      n++;
    }
    return n;
  }
}
