package io.tessera.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpfBundleTest {

  /** The reference document's example manifest. */
  static final String MANIFEST = """
      {
          "inputs": [
              "sample_image1.jpg",
              "sample_image2.jpg",
              "sample/sample_image3.jpg",
              "new_sample/new/sample_image4.jpg"
          ],
          "log_files": [
              "logs/log.json",
              "logs/test/abc.txt"
          ],
          "input_control_points": "input_control_points.json"
      }
      """;

  @TempDir Path dir;

  /** The reference document's example layout, with its manifest and control points. */
  Map<String, String> example() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("input_control_points.json", OpfControlPointsTest.REFERENCE_EXAMPLE);
    files.put("logs/", null);
    files.put("logs/log.json", "{}");
    files.put("logs/test/abc.txt", "abc");
    files.put("manifest.json", MANIFEST);
    files.put("new_sample/new/sample_image4.jpg", "jpeg");
    files.put("sample/sample_image3.jpg", "jpeg");
    files.put("sample_image1.jpg", "jpeg");
    files.put("sample_image2.jpg", "jpeg");
    return files;
  }

  Path zip(Map<String, String> files) throws IOException {
    Path zip = Files.createTempFile(dir, "bundle", ".zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (var f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        if (f.getValue() != null) {
          z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        z.closeEntry();
      }
    }
    return zip;
  }

  @Test
  void theReferenceExampleBundleIsValid() throws Exception {
    OpfBundle.Contents contents = OpfBundle.read(zip(example()));
    assertThat(contents.inputs()).containsExactly(
        "sample_image1.jpg", "sample_image2.jpg", "sample/sample_image3.jpg", "new_sample/new/sample_image4.jpg");
    assertThat(contents.logFiles()).containsExactly("logs/log.json", "logs/test/abc.txt");
    ControlPointSet set = contents.controlPoints().orElseThrow();
    assertThat(set.gcps()).extracting(ControlPoint::name).containsExactly("gcp0");
    assertThat(set.marks()).extracting(Mark::image).containsExactly("sample_image1.jpg");
  }

  @Test
  void aBundleWithoutControlPointsIsValidToo() throws Exception {
    Map<String, String> files = example();
    files.remove("input_control_points.json");
    files.put("manifest.json", MANIFEST.replace(",\n    \"input_control_points\": \"input_control_points.json\"", "")
        .replace("    ],\n    \"input_control_points\": \"input_control_points.json\"", "    ]"));
    assertThat(OpfBundle.read(zip(files)).controlPoints()).isEmpty();
  }

  @Test
  void missingAndUndescribedFilesAreNamed() {
    Map<String, String> files = example();
    files.remove("sample/sample_image3.jpg");
    files.put("extra.jpg", "jpeg");
    assertThatThrownBy(() -> OpfBundle.read(zip(files)))
        .isInstanceOf(GcpFormatException.class)
        .hasMessageContaining("manifest.json lists sample/sample_image3.jpg, which is not in the zip")
        .hasMessageContaining("extra.jpg is in the zip but manifest.json does not describe it");
  }

  @Test
  void marksMustNameImagesOfTheBundle() {
    Map<String, String> files = example();
    files.put("input_control_points.json",
        OpfControlPointsTest.REFERENCE_EXAMPLE.replace("sample_image1.jpg", "elsewhere/photo.jpg"));
    assertThatThrownBy(() -> OpfBundle.read(zip(files)))
        .hasMessageContaining("input_control_points.json: the mark of gcp0 names image elsewhere/photo.jpg,"
            + " which is not among the zip's inputs");
  }

  @Test
  void gcpIdsMustBeUniqueAndTheCrsOneAndEpsg() {
    String twoGcps = OpfControlPointsTest.REFERENCE_EXAMPLE.replace("""
            "gcps": [
        """, """
            "gcps": [
                {"id": "gcp0", "geolocation": {"crs": {"definition": "EPSG:32611"}, "coordinates": [1, 2, 3],
                 "sigmas": [1, 1, 1]}, "marks": [], "is_checkpoint": false},
        """);
    Map<String, String> files = example();
    files.put("input_control_points.json", twoGcps);
    assertThatThrownBy(() -> OpfBundle.read(zip(files)))
        .hasMessageContaining("input_control_points.json, line 8: gcps[1].id: expected a unique id, found \"gcp0\" again")
        .hasMessageContaining("gcps[1].geolocation.crs: expected the CRS of every GCP to be the same");

    files.put("input_control_points.json",
        OpfControlPointsTest.REFERENCE_EXAMPLE.replace("EPSG:4265+EPSG:5214", WKT_4326));
    assertThatThrownBy(() -> OpfBundle.read(zip(files)))
        .hasMessageContaining("expected the GCPs' CRS as EPSG:code")
        .hasMessageContaining("found WKT");
  }

  @Test
  void theManifestIsRequiredAndPathsMustStayInside() {
    Map<String, String> noManifest = example();
    noManifest.remove("manifest.json");
    assertThatThrownBy(() -> OpfBundle.read(zip(noManifest)))
        .hasMessageContaining("expected manifest.json at the root of the zip, found none");

    Map<String, String> traversal = example();
    traversal.put("../evil.jpg", "x");
    assertThatThrownBy(() -> OpfBundle.read(zip(traversal)))
        .hasMessageContaining("../evil.jpg: expected a relative path inside the zip");

    Map<String, String> badManifest = example();
    badManifest.put("manifest.json", "{\"inputs\": \"sample_image1.jpg\"}");
    assertThatThrownBy(() -> OpfBundle.read(zip(badManifest)))
        .hasMessageContaining("line 1: inputs: expected an array, found a string");
  }

  @Test
  void somethingElseThanAZipIsSaidToBe() throws Exception {
    Path notZip = Files.writeString(dir.resolve("x.zip"), "hello");
    assertThatThrownBy(() -> OpfBundle.read(notZip)).hasMessageContaining("expected a zip file");
  }

  static final String WKT_4326 = "GEOGCS[\\\"WGS 84\\\",DATUM[\\\"WGS_1984\\\",SPHEROID[\\\"WGS 84\\\",6378137,"
      + "298.257223563]],PRIMEM[\\\"Greenwich\\\",0],UNIT[\\\"degree\\\",0.0174532925199433],AXIS[\\\"Latitude\\\","
      + "NORTH],AXIS[\\\"Longitude\\\",EAST],AUTHORITY[\\\"EPSG\\\",\\\"4326\\\"]]";
}
