package io.tessera.core.camera;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sensor widths of common survey cameras, for photos whose EXIF has a focal length in millimetres
 * but no focal plane resolution. The width is the imaging area the full-resolution photo spans,
 * in millimetres; the focal length in pixels is then {@code focalMm × imageWidthPx / widthMm}.
 *
 * <p>Sources (manufacturers' published specifications unless noted):
 * <ul>
 *   <li>DJI FC6310 / FC6310S / FC6310R (Phantom 4 Pro, Pro V2.0, Phantom 4 RTK): 1-inch CMOS,
 *       13.2 × 8.8 mm, 5472 × 3648 (DJI Phantom 4 Pro and Phantom 4 RTK specs).
 *   <li>DJI FC330 (Phantom 4) and FC220 (Mavic Pro): 1/2.3-inch CMOS, 6.17 × 4.55 mm,
 *       4000 × 3000 (DJI specs give the 1/2.3-inch type; the millimetres are that type's usual
 *       dimensions).
 *   <li>DJI FC300X (Phantom 3 Professional / Advanced): 1/2.3-inch, 6.17 mm, as above.
 *   <li>DJI FC7303 (Mini 2): 1/2.3-inch CMOS, 6.17 mm, 4000 × 3000.
 *   <li>DJI FC3170 (Mavic Air 2): 1/2-inch CMOS, 6.4 × 4.8 mm, 8000 × 6000.
 *   <li>Hasselblad L1D-20c (Mavic 2 Pro): 1-inch CMOS, 13.2 × 8.8 mm, 5472 × 3648.
 *   <li>DJI ZenmuseP1: full frame, 35.9 × 24 mm, 8192 × 5460 (DJI Zenmuse P1 specs).
 *   <li>DJI FC6520 (Zenmuse X5S): Micro Four Thirds, 17.3 × 13.0 mm, 5280 × 3956.
 *   <li>DJI M3E (Mavic 3 Enterprise wide camera): 4/3-inch CMOS, 17.3 × 13.0 mm, 5280 × 3956.
 *   <li>senseFly S.O.D.A.: 1-inch, 20 MP, 5472 × 3648 (senseFly S.O.D.A. datasheet gives the
 *       1-inch type; 13.2 mm is that type's width, though some third-party tables list 12.75 mm,
 *       a 2.33 µm pitch: the S.O.D.A. writes its focal plane resolution, which is preferred).
 *   <li>Canon EOS 450D (EOS Digital Rebel XSi, EOS Kiss X2): APS-C CMOS, 22.2 × 14.8 mm,
 *       4272 × 2848 (Canon EOS 450D specifications). The copr survey photos' own focal plane
 *       resolution, 4272 px per 0.878 in, says 22.3 mm.
 *   <li>Sony ILCE-6000 (α6000, common on fixed-wing drones): APS-C, 23.5 × 15.6 mm, 6000 × 4000.
 *   <li>Sony DSC-RX1RM2 (RX1R II, senseFly eBee X aeria X): full frame, 35.9 × 24.0 mm,
 *       7952 × 5304.
 * </ul>
 */
public final class CameraSensors {
  /**
   * One camera: the EXIF Make it carries (lower case, or empty to match any make), the EXIF Model
   * strings it is known by (lower case), and its sensor width.
   */
  record Sensor(String make, List<String> models, double widthMm) {}

  private static final List<Sensor> SENSORS = List.of(
      new Sensor("dji", List.of("fc6310", "fc6310s", "fc6310r"), 13.2),
      new Sensor("dji", List.of("fc330"), 6.17),
      new Sensor("dji", List.of("fc220"), 6.17),
      new Sensor("dji", List.of("fc300x", "fc300s"), 6.17),
      new Sensor("dji", List.of("fc7303"), 6.17),
      new Sensor("dji", List.of("fc3170"), 6.4),
      new Sensor("hasselblad", List.of("l1d-20c"), 13.2),
      new Sensor("dji", List.of("zenmusep1", "zenmuse p1"), 35.9),
      new Sensor("dji", List.of("fc6520"), 17.3),
      new Sensor("dji", List.of("m3e"), 17.3),
      new Sensor("sensefly", List.of("s.o.d.a.", "soda", "s.o.d.a"), 13.2),
      new Sensor("canon", List.of(
          "canon eos 450d", "canon eos digital rebel xsi", "canon eos rebel xsi",
          "canon eos kiss x2"), 22.2),
      new Sensor("sony", List.of("ilce-6000"), 23.5),
      new Sensor("sony", List.of("dsc-rx1rm2"), 35.9));

  private CameraSensors() {}

  /**
   * The sensor width in millimetres of the camera with EXIF {@code make} and {@code model}, if it
   * is in the table. Matching ignores case, surrounding spaces and runs of spaces, and a model
   * that repeats the make ("Canon EOS 450D" or "EOS 450D" under make "Canon").
   */
  public static Optional<Double> sensorWidthMm(String make, String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    String mk = clean(make);
    String md = clean(model);
    for (Sensor s : SENSORS) {
      if (!mk.isEmpty() && !mk.startsWith(s.make())) {
        continue;
      }
      for (String m : s.models()) {
        if (md.equals(m) || (mk + " " + md).equals(m) || md.equals(s.make() + " " + m)) {
          return Optional.of(s.widthMm());
        }
      }
    }
    return Optional.empty();
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace("\0", "").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
