package io.tessera.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.image.ImagePoint;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Each format written and read back keeps what it can hold, exactly. */
class GcpRoundTripTest {

  static String opf(ControlPointSet set) throws Exception {
    StringWriter out = new StringWriter();
    OpfControlPoints.write(set, out);
    return out.toString();
  }

  static ControlPointSet opf(String json) throws Exception {
    return OpfControlPoints.read(new StringReader(json));
  }

  static String csv(ControlPointSet set) throws Exception {
    StringWriter out = new StringWriter();
    Pix4dGcpCsv.write(set.gcps(), Crs.of(set.crs().orElseThrow().definition()), out);
    return out.toString();
  }

  @Test
  void coprGcpListThroughOpfAndBackLosesNothing() throws Exception {
    String original;
    try (InputStream in = getClass().getResourceAsStream("/gcp/copr/gcp_list.txt")) {
      original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ControlPointSet fromOdm = OdmGcpList.read(new StringReader(original));
    String json = opf(fromOdm);
    assertThat(json).contains("\"definition\" : \"EPSG:32611\"");
    ControlPointSet viaOpf = opf(json);
    String back = OdmGcpListTest.write(viaOpf);

    assertThat(OdmGcpList.read(new StringReader(back))).isEqualTo(fromOdm);
    // Line by line, the same values: the CRS line as written, numbers as numbers (0.0 is written 0).
    List<String> before = original.lines().toList();
    List<String> after = back.lines().toList();
    assertThat(after).hasSameSizeAs(before);
    assertThat(after.get(0)).isEqualTo(before.get(0).strip());
    for (int i = 1; i < before.size(); i++) {
      String[] b = before.get(i).split("\t");
      String[] a = after.get(i).split("\t");
      assertThat(a).hasSameSizeAs(b);
      for (int c = 0; c < 5; c++) {
        assertThat(Double.parseDouble(a[c])).as("line %d column %d", i + 1, c + 1).isEqualTo(Double.parseDouble(b[c]));
      }
      assertThat(a[5]).isEqualTo(b[5]);
      assertThat(a[6]).isEqualTo(b[6]);
    }
  }

  /** A project's control points as OPF: checkpoints, accuracies, marks with accuracies, an MTP. */
  static ControlPointSet project(CrsDefinition crs, double x0, double y0, double unit) {
    List<ControlPoint> gcps = List.of(
        new ControlPoint("GCP 1", PointType.GCP, x0 + 12.345 * unit, y0 + 67.891 * unit, 101.25,
            Optional.of(Sigmas.of(0.02, 0.03))),
        new ControlPoint("cp-2", PointType.CHECKPOINT, x0 - 3.5 * unit, y0 + 0.125 * unit, 99.5,
            Optional.of(Sigmas.of(0.01, 0.05))),
        new ControlPoint("gcp3", PointType.GCP, x0, y0, 100, Optional.of(Sigmas.of(0.5, 1))));
    List<Mark> marks = List.of(
        new Mark("GCP 1", "DJI_0001.JPG", new ImagePoint(1024.25, 768.5), OptionalDouble.of(1.0)),
        new Mark("GCP 1", "DJI_0002.JPG", new ImagePoint(3000.125, 12.75), OptionalDouble.of(2.5)),
        new Mark("cp-2", "DJI_0002.JPG", new ImagePoint(0.5, 0.5), OptionalDouble.of(1.0)),
        new Mark("tie", "DJI_0001.JPG", new ImagePoint(4000, 3000), OptionalDouble.of(3.0)));
    return new ControlPointSet(Optional.of(new GcpCrs(crs, OptionalDouble.of(47.12))), gcps,
        List.of(new Mtp("tie", true)), marks);
  }

  @Test
  void opfThroughCsvAndBackKeepsPointsAndAccuraciesAndWithTheProjectItsTypesAndMarks() throws Exception {
    for (ControlPointSet original : List.of(
        project(new CrsDefinition.Epsg(2056, OptionalInt.of(5728)), 2600000, 1200000, 1),
        project(new CrsDefinition.Epsg(6674), -12000, 8000, 1), // northing first: swapped in the file
        project(new CrsDefinition.Epsg(4326), 7.44, 46.95, 1e-5))) {
      String json = opf(original);
      ControlPointSet fromOpf = opf(json);
      assertThat(fromOpf).isEqualTo(original);

      GcpCrs crs = fromOpf.crs().orElseThrow();
      List<ControlPoint> surveyed = Pix4dGcpCsv.read(new StringReader(csv(fromOpf)), Crs.of(crs.definition()));
      // The CSV holds names, coordinates and accuracies; the CRS comes with it, as in PIX4D's dialog.
      assertThat(surveyed).extracting(ControlPoint::name, ControlPoint::x, ControlPoint::y, ControlPoint::z, ControlPoint::sigmas)
          .containsExactlyElementsOf(fromOpf.gcps().stream()
              .map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.x(), p.y(), p.z(), p.sigmas())).toList());
      // It has no types or marks: merged into the project, which has them, nothing is lost.
      ControlPointSet stale = new ControlPointSet(fromOpf.crs(),
          fromOpf.gcps().stream().map(p -> new ControlPoint(p.name(), p.type(), 0, 0, 0)).toList(),
          fromOpf.mtps(), fromOpf.marks());
      ControlPointSet merged = stale.withSurveyed(surveyed, crs);
      assertThat(merged).isEqualTo(original);
      assertThat(opf(merged)).isEqualTo(json);
    }
  }

  @Property(tries = 60)
  void odmWriteThenReadKeepsEveryMark(@ForAll("odmSets") ControlPointSet set) throws Exception {
    ControlPointSet back = OdmGcpList.read(new StringReader(OdmGcpListTest.write(set)));
    assertThat(back.crs()).isEqualTo(set.crs());
    // The list holds marks: GCPs come back in the order of their first mark, unmarked ones not at all.
    assertThat(back.gcps()).isEqualTo(set.marks().stream().map(Mark::point).distinct()
        .map(name -> set.gcp(name).orElseThrow()).toList());
    assertThat(back.marks()).hasSameSizeAs(set.marks());
    for (int i = 0; i < set.marks().size(); i++) {
      Mark a = set.marks().get(i);
      Mark b = back.marks().get(i);
      assertThat(b.point()).isEqualTo(a.point());
      assertThat(b.image()).isEqualTo(a.image());
      // ±0.5 px on the way out and in: exact up to one rounding of the sum
      assertThat(b.position().x()).isCloseTo(a.position().x(), within(1e-9));
      assertThat(b.position().y()).isCloseTo(a.position().y(), within(1e-9));
    }
  }

  @Property(tries = 60)
  void opfWriteThenReadIsExact(@ForAll("opfSets") ControlPointSet set) throws Exception {
    ControlPointSet back = opf(opf(set));
    assertThat(back.crs()).isEqualTo(set.crs());
    assertThat(back.gcps()).isEqualTo(set.gcps());
    assertThat(back.mtps()).isEqualTo(set.mtps());
    // OPF nests marks in their point: the order across points is the points' order.
    for (ControlPoint p : set.gcps()) {
      assertThat(back.marksOf(p.name())).isEqualTo(set.marksOf(p.name()));
    }
    assertThat(back.marks()).hasSameSizeAs(set.marks());
  }

  @Provide
  Arbitrary<ControlPointSet> odmSets() {
    return sets(false);
  }

  @Provide
  Arbitrary<ControlPointSet> opfSets() {
    return sets(true);
  }

  private Arbitrary<ControlPointSet> sets(boolean withAccuracies) {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_', '-', ' ')
        .ofMinLength(1).ofMaxLength(10).map(String::strip).filter(s -> !s.isEmpty() && !s.contains("  "))
        .filter(s -> !s.toUpperCase(java.util.Locale.ROOT).startsWith("CHK-"));
    Arbitrary<String> images = Arbitraries.of("DJI_0001.JPG", "IMG 0002.jpg", "a/b/c.tif", "x.png");
    Arbitrary<Double> coordinate = Arbitraries.doubles().between(-5e6, 5e6);
    Arbitrary<Double> pixel = Arbitraries.doubles().between(0, 8000);
    Arbitrary<Double> sigma = Arbitraries.doubles().between(0.001, 5).ofScale(3);
    Arbitrary<ControlPoint> point = Combinators.combine(
            names, Arbitraries.of(PointType.class), coordinate, coordinate, coordinate, sigma, sigma)
        .as((n, t, x, y, z, h, v) -> new ControlPoint(n, t, x, y, z,
            withAccuracies ? Optional.of(Sigmas.of(h, v)) : Optional.empty()));
    Arbitrary<List<ControlPoint>> points = point.list().ofMinSize(1).ofMaxSize(6).uniqueElements(ControlPoint::name);
    Arbitrary<List<Object[]>> rawMarks = Combinators.combine(
            Arbitraries.integers().between(0, 5), images, pixel, pixel,
            Arbitraries.doubles().between(0.1, 10).ofScale(2))
        .as((i, img, x, y, acc) -> new Object[] {i, img, x, y, acc})
        .list().ofMaxSize(12);
    return Combinators.combine(points, rawMarks).as((gcps, raw) -> {
      Map<List<String>, Mark> marks = new LinkedHashMap<>();
      for (Object[] r : raw) {
        String name = gcps.get((Integer) r[0] % gcps.size()).name();
        OptionalDouble acc = withAccuracies ? OptionalDouble.of((Double) r[4]) : OptionalDouble.empty();
        marks.putIfAbsent(List.of(name, (String) r[1]),
            new Mark(name, (String) r[1], new ImagePoint((Double) r[2], (Double) r[3]), acc));
      }
      return new ControlPointSet(new GcpCrs(new CrsDefinition.Epsg(32611)), gcps, new ArrayList<>(marks.values()));
    });
  }
}
