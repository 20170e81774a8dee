package io.tessera.bench;

import io.tessera.core.camera.AngleConvention;
import io.tessera.core.camera.CameraModel;
import io.tessera.core.camera.FlightErrors;
import io.tessera.core.camera.GcpPredictor;
import io.tessera.core.camera.GcpPredictor.Mark;
import io.tessera.core.camera.GcpPredictor.Photo;
import io.tessera.core.camera.GcpPredictor.Prediction;
import io.tessera.core.camera.Intrinsics;
import io.tessera.core.camera.Pose;
import io.tessera.core.camera.PoseCorrection;
import io.tessera.core.camera.Terrain;
import io.tessera.core.camera.Vec3;
import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * GCP prediction on a synthetic survey flight, for {@code bench/gcp-prediction}: how far, in
 * pixels, predicted GCP positions land from where the GCPs really show, (a) from the photos'
 * noisy GPS/attitude poses alone (the anchor), (b) once the GCP has two marks (the flight's pose
 * errors estimated from them, the split between shared and per-photo errors weighed by evidence),
 * (b*) the same with the scenario's true split given, (c) once the photo has three or more marked
 * GCPs (its pose corrected, the GCP predicted left out of the marks).
 *
 * <p>Everything is drawn from one {@code java.util.Random} with the printed seed, so a run is
 * repeatable on any JVM. See bench/README.md for the flight, the noise and the measures.
 */
public final class GcpPredictionBench {
  static final int WIDTH = 4000;
  static final int HEIGHT = 3000;
  /** A 73.7° horizontal field of view, a Phantom 4 Pro's (8.8 mm on a 13.2 mm wide sensor). */
  static final double FOCAL_PX = WIDTH * 8.8 / 13.2;

  private GcpPredictionBench() {}

  /**
   * The survey settings and the noise. Pose errors are drawn as a part shared by the whole flight
   * plus a part of each photo's own; the shared fractions say how the variance splits (0: every
   * photo's error independent, 1: one error for the whole flight). Attitude errors are rotations
   * about the camera's own axes (a shared one is a boresight error, which turns with the camera
   * between flight lines flown in opposite directions).
   */
  record Setup(
      String name, long seed, double aboveTakeOffM, double frontOverlap, double sideOverlap,
      double areaEastM, double areaNorthM, double gcpSpacingM, double gpsSigmaHM, double gpsSigmaVM,
      double attitudeSigmaDeg, double markSigmaPx, double sharedPosition, double sharedAttitude) {

    static Setup of(String name, long seed, double attitudeSigmaDeg, double sharedPosition,
        double sharedAttitude) {
      return new Setup(name, seed, 80, 0.75, 0.75, 300, 240, 45, 2, 5, attitudeSigmaDeg, 0.5,
          sharedPosition, sharedAttitude);
    }

    /**
     * The GPS noise wholly shared by the flight, and its 2° attitude noise as a bias of the
     * flight plus {@code perPhotoDeg} of each photo's own.
     */
    static Setup flightBias(String name, long seed, double perPhotoDeg) {
      double total = Math.hypot(FLIGHT_BIAS_DEG, perPhotoDeg);
      return of(name, seed, total, 1, FLIGHT_BIAS_DEG * FLIGHT_BIAS_DEG / (total * total));
    }

    /** The true split of the noise, as the predictor takes it. */
    FlightErrors.Split split() {
      return new FlightErrors.Split(sharedPosition, sharedAttitude);
    }
  }

  /** The attitude bias of the flight-bias scenario, degrees per axis. */
  static final double FLIGHT_BIAS_DEG = 2;
  /** The per-photo attitude sigmas of the flight-bias sweep, degrees. */
  static final double[] FLIGHT_BIAS_SWEEP_DEG = {0.05, 0.1, 0.2, 0.3, 0.5};

  /**
   * The scenarios, by name: the noise drawn independently for every photo, the same noise
   * mostly shared by the flight, and two to compare: a shared GPS offset with 0.3° attitude noise,
   * and with 0.05° (relative poses as precise as bundle adjustment gives); and the sigmas
   * as a flight's bias: GPS wholly shared, attitude 2° shared plus 0.1° per photo.
   */
  static List<Setup> scenarios(long seed) {
    return List.of(
        Setup.of("independent", seed, 2, 0, 0),
        Setup.of("shared", seed, 2, 0.9, 0.9),
        Setup.of("precise-attitude", seed, 0.3, 1, 0),
        Setup.of("sfm-like", seed, 0.05, 1, 0),
        Setup.flightBias("flight-bias", seed, 0.1));
  }

  /**
   * Median, 95th percentile and count of one line, and the predictions' search radii: the share
   * of the pairs whose true position lies within the radius (NaN without radii) and the median
   * radius.
   */
  record Stats(int n, int missed, double median, double p95, double coverage,
      double medianRadius) {
    static Stats of(List<Double> errors, int missed) {
      return of(errors, List.of(), missed);
    }

    static Stats of(List<Double> errors, List<Double> radii, int missed) {
      double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double coverage = Double.NaN;
      if (!radii.isEmpty()) {
        int within = 0;
        for (int i = 0; i < errors.size(); i++) {
          within += errors.get(i) <= radii.get(i) ? 1 : 0;
        }
        coverage = within / (double) errors.size();
      }
      double[] r = radii.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Stats(e.length, missed, percentile(e, 0.5), percentile(e, 0.95), coverage,
          percentile(r, 0.5));
    }
  }

  /**
   * The lines of one run, (c) split by the number of marks on the photo (3, 4, ≥ 5), and the
   * evidence's mean weight of each split over the GCPs of (b).
   */
  record Result(Stats a, Stats b, Stats bKnown, Stats bMore, Stats c, Stats[] cByMarks,
      Map<FlightErrors.Split, Double> splitWeights, int photos, int gcps, double meanGsdCm) {}

  public static void main(String[] args) {
    long seed = 20261125L;
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--scenario" -> only.addAll(Arrays.asList(args[++i].split(",")));
        default -> {
          System.err.println("usage: GcpPredictionBench [--seed N] [--scenario "
              + "independent,shared,precise-attitude,sfm-like,flight-bias]");
          System.exit(2);
        }
      }
    }
    boolean any = false;
    for (Setup s : scenarios(seed)) {
      if (!only.isEmpty() && !only.contains(s.name())) {
        continue;
      }
      any = true;
      long t0 = System.nanoTime();
      Result r = run(s, true);
      print(s, r, (System.nanoTime() - t0) / 1e9);
      if (s.name().equals("flight-bias")) {
        StringBuilder sweep = new StringBuilder(
            "#   flight-bias sweep, (b) median by per-photo attitude σ:");
        for (int i = 0; i < FLIGHT_BIAS_SWEEP_DEG.length; i++) {
          double deg = FLIGHT_BIAS_SWEEP_DEG[i];
          Result ri = run(Setup.flightBias(s.name(), seed, deg), false);
          String end = i < FLIGHT_BIAS_SWEEP_DEG.length - 1 ? ";" : "";
          sweep.append(String.format(Locale.ROOT, " %.2f°: %.1f px (b* %.1f)%s", deg,
              ri.b().median(), ri.bKnown().median(), end));
        }
        System.out.println(sweep);
      }
    }
    if (!any) {
      System.err.println("no such scenario: " + only);
      System.exit(2);
    }
  }

  /** The terrain: ±10 m of rolling ground with a slope. */
  static final Terrain GROUND = (e, n) ->
      6 * Math.sin(e / 45.0) + 4 * Math.cos(n / 35.0) + 0.02 * e + 1.5 * Math.sin((e + n) / 11.0);

  /** One run; without {@code withC} the (c) lines are left empty (for the sweep). */
  static Result run(Setup s, boolean withC) {
    Random rnd = new Random(s.seed());
    Intrinsics in = Intrinsics.of(WIDTH, HEIGHT, FOCAL_PX);
    double footprintAcross = WIDTH * s.aboveTakeOffM() / FOCAL_PX;
    double footprintAlong = HEIGHT * s.aboveTakeOffM() / FOCAL_PX;
    double lineSpacing = footprintAcross * (1 - s.sideOverlap());
    double shotSpacing = footprintAlong * (1 - s.frontOverlap());

    // lawnmower: north-south lines, alternate directions, the image top facing the way flown
    List<CameraModel> truth = new ArrayList<>();
    int lines = (int) Math.ceil(s.areaEastM() / lineSpacing) + 1;
    int shots = (int) Math.ceil(s.areaNorthM() / shotSpacing) + 1;
    for (int l = 0; l < lines; l++) {
      double east = l * lineSpacing;
      boolean north = l % 2 == 0;
      for (int k = 0; k < shots; k++) {
        double n = north ? k * shotSpacing : (shots - 1 - k) * shotSpacing;
        // the aircraft wobbles: true attitudes are not exactly nadir either
        double yaw = (north ? 0 : 180) + 3 * rnd.nextGaussian();
        double pitch = -90 + 1.5 * rnd.nextGaussian();
        double roll = 1.5 * rnd.nextGaussian();
        Vec3 centre = new Vec3(east + 0.5 * rnd.nextGaussian(), n + 0.5 * rnd.nextGaussian(),
            s.aboveTakeOffM() + 0.5 * rnd.nextGaussian());
        truth.add(new CameraModel(in, new Pose(centre, AngleConvention.DJI_GIMBAL.cameraToEnu(yaw, pitch, roll))));
      }
    }

    // GCPs on a jittered grid inside the area, on the ground
    Map<String, Vec3> gcps = new LinkedHashMap<>();
    for (double e = 15; e <= s.areaEastM() - 15 + 1e-9; e += s.gcpSpacingM()) {
      for (double n = 15; n <= s.areaNorthM() - 15 + 1e-9; n += s.gcpSpacingM()) {
        double x = e + 8 * (2 * rnd.nextDouble() - 1);
        double y = n + 8 * (2 * rnd.nextDouble() - 1);
        gcps.put("gcp" + (gcps.size() + 1), new Vec3(x, y, GROUND.heightAt(x, y)));
      }
    }

    // the GPS/attitude poses: a part shared by the whole flight, the rest photo by photo
    double sh = Math.sqrt(s.sharedPosition());
    double own = Math.sqrt(1 - s.sharedPosition());
    double sha = Math.sqrt(s.sharedAttitude());
    double owna = Math.sqrt(1 - s.sharedAttitude());
    double sa = Math.toRadians(s.attitudeSigmaDeg());
    Vec3 biasPos = new Vec3(s.gpsSigmaHM() * sh * rnd.nextGaussian(), s.gpsSigmaHM() * sh * rnd.nextGaussian(),
        s.gpsSigmaVM() * sh * rnd.nextGaussian());
    Vec3 biasRot = new Vec3(sa * sha * rnd.nextGaussian(), sa * sha * rnd.nextGaussian(),
        sa * sha * rnd.nextGaussian());
    List<Photo> photos = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      CameraModel t = truth.get(i);
      Vec3 dp = biasPos.plus(new Vec3(s.gpsSigmaHM() * own * rnd.nextGaussian(),
          s.gpsSigmaHM() * own * rnd.nextGaussian(), s.gpsSigmaVM() * own * rnd.nextGaussian()));
      // attitude errors about the camera's own axes, then turned into ENU
      Vec3 dr = biasRot.plus(new Vec3(sa * owna * rnd.nextGaussian(), sa * owna * rnd.nextGaussian(),
          sa * owna * rnd.nextGaussian()));
      Vec3 drWorld = t.pose().cameraToWorld().apply(dr);
      photos.add(new Photo("p" + i, t.withPose(t.pose().perturbed(dp, drWorld)), 1));
    }

    // where each GCP really shows, and the marks a user would place there
    Map<String, Map<String, ImagePoint>> visible = new LinkedHashMap<>(); // gcp -> photo -> true pixel
    Map<String, Map<String, ImagePoint>> marks = new HashMap<>();
    for (var g : gcps.entrySet()) {
      Map<String, ImagePoint> seen = new LinkedHashMap<>();
      Map<String, ImagePoint> marked = new HashMap<>();
      for (int i = 0; i < truth.size(); i++) {
        ImagePoint p = truth.get(i).projectOrNull(g.getValue());
        if (p != null && in.contains(p)) {
          seen.put("p" + i, p);
          marked.put("p" + i, new ImagePoint(
              p.x() + s.markSigmaPx() * rnd.nextGaussian(), p.y() + s.markSigmaPx() * rnd.nextGaussian()));
        }
      }
      visible.put(g.getKey(), seen);
      marks.put(g.getKey(), marked);
    }

    PoseCorrection.Options options = new PoseCorrection.Options(
        s.markSigmaPx(), s.gpsSigmaHM(), s.gpsSigmaVM(), s.attitudeSigmaDeg());

    // (a) poses alone
    GcpPredictor none = GcpPredictor.of(photos, gcps, List.of(), options);
    List<Double> ea = new ArrayList<>();
    List<Double> ra = new ArrayList<>();
    int missedA = 0;
    Map<String, List<Prediction>> ranked = new HashMap<>();
    for (String g : gcps.keySet()) {
      List<Prediction> ps = none.predict(g);
      ranked.put(g, ps);
      missedA += collect(ps, visible.get(g), List.of(), ea, ra);
    }

    // (b) after two marks of the GCP: the user marks the first two photos offered that show it;
    // (b*) the same with the scenario's true split of the noise given
    List<Double> eb = new ArrayList<>();
    List<Double> rb = new ArrayList<>();
    List<Double> ebKnown = new ArrayList<>();
    List<Double> rbKnown = new ArrayList<>();
    int missedB = 0;
    int missedBKnown = 0;
    Map<FlightErrors.Split, Double> splitWeights = new LinkedHashMap<>();
    int weighed = 0;
    for (String g : gcps.keySet()) {
      List<String> first = ranked.get(g).stream().map(Prediction::photoId)
          .filter(visible.get(g)::containsKey).limit(2).toList();
      if (first.size() < 2) {
        continue;
      }
      List<Mark> two = first.stream().map(p -> new Mark(p, g, marks.get(g).get(p))).toList();
      GcpPredictor after = GcpPredictor.of(photos, gcps, two, options);
      missedB += collect(after.predict(g), visible.get(g), first, eb, rb);
      after.flightErrors().weights().forEach((k, w) -> splitWeights.merge(k, w, Double::sum));
      weighed++;
      GcpPredictor known = GcpPredictor.of(photos, gcps, two, options, s.split());
      missedBKnown += collect(known.predict(g), visible.get(g), first, ebKnown, rbKnown);
    }
    int n = weighed;
    splitWeights.replaceAll((k, w) -> w / n);

    // (b+) as a user goes on: 2 marks of the GCP and 2 of each of the 2 GCPs nearest it
    List<Double> ebMore = new ArrayList<>();
    List<Double> rbMore = new ArrayList<>();
    int missedBMore = 0;
    for (String g : gcps.keySet()) {
      List<Mark> mine = firstTwo(g, ranked, visible, marks);
      if (mine.size() < 2) {
        continue;
      }
      Vec3 at = gcps.get(g);
      List<Mark> more = new ArrayList<>(mine);
      gcps.keySet().stream().filter(o -> !o.equals(g))
          .map(o -> firstTwo(o, ranked, visible, marks)).filter(m -> m.size() == 2)
          .sorted(java.util.Comparator.comparingDouble(
              m -> gcps.get(m.get(0).pointId()).minus(at).norm()))
          .limit(2).forEach(more::addAll);
      GcpPredictor after = GcpPredictor.of(photos, gcps, more, options);
      missedBMore += collect(after.predict(g), visible.get(g),
          mine.stream().map(Mark::photoId).toList(), ebMore, rbMore);
    }

    // (c) after three or more marked GCPs on the photo: each GCP predicted from the others' marks
    List<Double> ec = new ArrayList<>();
    List<Double> rc = new ArrayList<>();
    List<List<Double>> ecByMarks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int missedC = 0;
    for (Photo photo : withC ? photos : List.<Photo>of()) {
      List<String> seenHere = gcps.keySet().stream()
          .filter(g -> visible.get(g).containsKey(photo.id())).toList();
      if (seenHere.size() < 4) {
        continue;
      }
      for (String g : seenHere) {
        List<Mark> others = seenHere.stream().filter(o -> !o.equals(g))
            .map(o -> new Mark(photo.id(), o, marks.get(o).get(photo.id()))).toList();
        GcpPredictor after = GcpPredictor.of(photos, gcps, others, options);
        Prediction p = after.predict(g).stream().filter(x -> x.photoId().equals(photo.id()))
            .findFirst().orElse(null);
        if (p == null) {
          missedC++;
        } else {
          double e = distance(p.pixel(), visible.get(g).get(photo.id()));
          ec.add(e);
          rc.add(p.searchRadiusPx());
          ecByMarks.get(Math.min(others.size(), 5) - 3).add(e);
        }
      }
    }

    double gsd = 0;
    for (CameraModel t : truth) {
      Vec3 c = t.pose().centre();
      gsd += (c.z() - GROUND.heightAt(c.x(), c.y())) / FOCAL_PX;
    }
    Stats[] byMarks = ecByMarks.stream().map(l -> Stats.of(l, 0)).toArray(Stats[]::new);
    return new Result(Stats.of(ea, ra, missedA), Stats.of(eb, rb, missedB),
        Stats.of(ebKnown, rbKnown, missedBKnown), Stats.of(ebMore, rbMore, missedBMore),
        Stats.of(ec, rc, missedC), byMarks, splitWeights,
        truth.size(), gcps.size(), 100 * gsd / truth.size());
  }

  /**
   * Adds the error and the search radius of every prediction on a photo that really shows the
   * GCP (except photos in {@code skip}) and returns how many such photos got no prediction.
   */
  /** The marks a user places first for {@code g}: on the first two photos offered that show it. */
  private static List<Mark> firstTwo(String g, Map<String, List<Prediction>> ranked,
      Map<String, Map<String, ImagePoint>> visible, Map<String, Map<String, ImagePoint>> marks) {
    return ranked.get(g).stream().map(Prediction::photoId).filter(visible.get(g)::containsKey)
        .limit(2).map(p -> new Mark(p, g, marks.get(g).get(p))).toList();
  }

  private static int collect(List<Prediction> ps, Map<String, ImagePoint> seen, List<String> skip,
      List<Double> errors, List<Double> radii) {
    Map<String, Prediction> byPhoto = new HashMap<>();
    for (Prediction p : ps) {
      byPhoto.put(p.photoId(), p);
    }
    int missed = 0;
    for (var e : seen.entrySet()) {
      if (skip.contains(e.getKey())) {
        continue;
      }
      Prediction p = byPhoto.get(e.getKey());
      if (p == null) {
        missed++;
      } else {
        errors.add(distance(p.pixel(), e.getValue()));
        radii.add(p.searchRadiusPx());
      }
    }
    return missed;
  }

  private static double distance(ImagePoint a, ImagePoint b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }

  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static void print(Setup s, Result r, double seconds) {
    System.out.printf(Locale.ROOT, "%n== scenario %s (seed %d)%n", s.name(), s.seed());
    System.out.printf(Locale.ROOT,
        "# flight: %d photos %d×%d px, f %.0f px (HFOV %.1f°), lawnmower %.0f m above take-off over"
            + " ±10 m of ground (mean GSD %.1f cm), overlap %.0f %% front / %.0f %% side; %d GCPs on"
            + " the ground, %.0f m apart%n",
        r.photos(), WIDTH, HEIGHT, FOCAL_PX, Math.toDegrees(2 * Math.atan(WIDTH / 2.0 / FOCAL_PX)),
        s.aboveTakeOffM(), r.meanGsdCm(), 100 * s.frontOverlap(), 100 * s.sideOverlap(), r.gcps(),
        s.gcpSpacingM());
    System.out.printf(Locale.ROOT,
        "# noise: GPS σ %.1f m per horizontal axis and %.1f m vertical (%.0f %% of the variance shared"
            + " by the flight), attitude σ %.2f° per axis (%.0f %% shared: %.2f° shared + %.2f° per"
            + " photo), marks σ %.1f px; %.1f s%n",
        s.gpsSigmaHM(), s.gpsSigmaVM(), 100 * s.sharedPosition(), s.attitudeSigmaDeg(),
        100 * s.sharedAttitude(), s.attitudeSigmaDeg() * Math.sqrt(s.sharedAttitude()),
        s.attitudeSigmaDeg() * Math.sqrt(1 - s.sharedAttitude()), s.markSigmaPx(), seconds);
    System.out.printf(Locale.ROOT, "%-36s %7s %7s %10s %9s %13s %9s %10s  %s%n",
        "line", "pairs", "missed", "median px", "p95 px", "median/(a)", "within r",
        "median r", "target");
    line("(a) GPS/attitude poses (anchor)", r.a(), r.a(), "");
    line("(b) after 2 marks of the GCP", r.b(), r.a(), "median ≤ 15 px");
    line("(b*) 2 marks, noise split known", r.bKnown(), r.a(), "median ≤ 15 px");
    line("(b+) + 2 marks on 2 GCPs nearby", r.bMore(), r.a(), "");
    line("(c) after ≥ 3 marked GCPs per photo", r.c(), r.a(), "median ≤ 3 px");
    String[] label = {"3", "4", "≥ 5"};
    StringBuilder by = new StringBuilder("#   (c) by marks on the photo:");
    for (int i = 0; i < 3; i++) {
      Stats st = r.cByMarks()[i];
      by.append(String.format(Locale.ROOT, " %s: median %.1f, p95 %.1f px (%d)%s", label[i],
          st.median(), st.p95(), st.n(), i < 2 ? ";" : ""));
    }
    System.out.println(by);
    // which splits the evidence favoured in (b): the three heaviest, mean weight over the GCPs
    StringBuilder ev = new StringBuilder(
        "#   (b) shared fractions (position, attitude) by mean evidence weight:");
    r.splitWeights().entrySet().stream()
        .sorted(Map.Entry.<FlightErrors.Split, Double>comparingByValue().reversed()).limit(3)
        .forEach(e -> ev.append(String.format(Locale.ROOT, " (%s, %s) %.2f;",
            fraction(e.getKey().position()), fraction(e.getKey().attitude()), e.getValue())));
    ev.setLength(ev.length() - 1);
    System.out.printf(Locale.ROOT, "%s; true (%s, %s)%n", ev, fraction(s.sharedPosition()),
        fraction(s.sharedAttitude()));
  }

  private static String fraction(double f) {
    return String.format(Locale.ROOT, "%.4f", f).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static void line(String name, Stats st, Stats anchor, String target) {
    String verdict = target.isEmpty() ? ""
        : target + (st.median() <= Double.parseDouble(target.replaceAll("[^0-9.]", "")) ? " (met)" : " (missed)");
    System.out.printf(Locale.ROOT, "%-36s %7d %7d %10.1f %9.1f %13.3f %8.1f%% %10.1f  %s%n",
        name, st.n(), st.missed(), st.median(), st.p95(), st.median() / anchor.median(),
        100 * st.coverage(), st.medianRadius(), verdict);
  }
}
