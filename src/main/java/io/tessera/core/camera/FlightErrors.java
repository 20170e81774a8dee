package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pose errors of a flight's GPS/attitude cameras, estimated from marks of surveyed points on
 * some of its photos, so that the other photos' cameras can be corrected too.
 *
 * <p>The model: photo k's true camera is its GPS/attitude camera moved by e<sub>k</sub> = s +
 * u<sub>k</sub>, six numbers each (a shift of the camera centre, ENU metres, and a small turn of
 * the camera about its own centre and its own axes, radians, as a gimbal's boresight or angle bias
 * turns with the drone). s is the flight's error, shared by every photo (a GNSS or altimeter
 * offset, an attitude bias); u<sub>k</sub> is the photo's own. Both are independent, zero-mean
 * and Gaussian: per axis s has the variance f·σ² and u<sub>k</sub> (1 − f)·σ², where σ is the
 * total sigma of {@link PoseCorrection.Options} (horizontal, vertical, attitude; an infinite one
 * is taken as 100 m or 10°) and f the {@link Split shared fraction} (one for position, one for
 * attitude). A mark is an observation of its point's projection with the marks' sigma.
 *
 * <p>The estimate is the posterior mean of s and of each marked photo's e<sub>k</sub>, linear and
 * Gaussian about a linearisation point: first the GPS/attitude cameras, then twice again the
 * estimate (Gauss–Newton), with numeric Jacobians. The unknowns are s and the u<sub>k</sub> of
 * the marked photos; each u<sub>k</sub> is integrated out photo by photo, which leaves a 6 × 6
 * system for s however many photos are marked.
 *
 * <p>How the variance splits between s and u<sub>k</sub> is rarely known for a user's drone.
 * Unless a split is given, every split of {@link #GRID} is weighted by its evidence: the marginal
 * likelihood of the marks' residuals at the GPS/attitude cameras (uniform prior over the grid),
 * and the estimate is the evidence-weighted mean of the splits' estimates. Residuals that disagree
 * from photo to photo more than a shared error allows keep the weight on small shared fractions,
 * and then marks on some photos barely move the others; residuals that agree move the weight to
 * large ones, and the whole flight follows the marks.
 *
 * <p>The uncertainty left is the posterior covariance of each photo's error ({@link
 * #covariance}): for a marked photo that of its s + u<sub>k</sub> given all the marks, for any
 * other photo that of s plus the prior of its own u<sub>k</sub>, and without marks the prior.
 * Over the splits it is the mixture's: the evidence-weighted covariances plus the spread of the
 * splits' means about their weighted mean. Immutable.
 */
public final class FlightErrors {
  /**
   * How the variance of the pose errors splits: the fraction shared by the flight, for the camera
   * position and for the attitude (0: each photo's error its own, 1: one error for the flight).
   */
  public record Split(double position, double attitude) {
    public Split {
      if (!(position >= 0 && position <= 1) || !(attitude >= 0 && attitude <= 1)) {
        throw new IllegalArgumentException("shared fractions must be in [0, 1]");
      }
    }
  }

  /** The splits weighed by evidence: 0, 0.5, 0.9, 0.99 and 1 for position and for attitude. */
  public static final List<Split> GRID;

  static {
    double[] fractions = {0, 0.5, 0.9, 0.99, 1};
    List<Split> grid = new ArrayList<>();
    for (double p : fractions) {
      for (double a : fractions) {
        grid.add(new Split(p, a));
      }
    }
    GRID = List.copyOf(grid);
  }

  private static final int LINEARISATIONS = 3;
  private static final double MAX_POSITION_SIGMA_M = 100;
  private static final double MAX_ATTITUDE_SIGMA_RAD = Math.toRadians(10);
  /** Splits weighing less than this (relative) are left out of the mean. */
  private static final double MIN_WEIGHT = 1e-4;
  private static final double POSITION_STEP_M = 1e-4;
  private static final double ROTATION_STEP_RAD = 1e-6;
  private static final double[] ZERO = new double[6];

  private static final FlightErrors NONE =
      new FlightErrors(ZERO, Map.of(), Map.of(), new double[6][6], Map.of());

  private final double[] shared;
  private final Map<String, double[]> marked;
  private final Map<Split, Double> weights;
  /** The covariance of the error of a photo without marks: s plus the prior of its own. */
  private final double[][] unmarkedCovariance;
  private final Map<String, double[][]> markedCovariance;

  private FlightErrors(double[] shared, Map<String, double[]> marked, Map<Split, Double> weights,
      double[][] unmarkedCovariance, Map<String, double[][]> markedCovariance) {
    this.shared = shared;
    this.marked = marked;
    this.weights = weights;
    this.unmarkedCovariance = unmarkedCovariance;
    this.markedCovariance = markedCovariance;
  }

  /** No marks, no estimate: every camera as given, with no uncertainty stated (zeros). */
  public static FlightErrors none() {
    return NONE;
  }

  /** No marks: every camera as given, its error as uncertain as {@code options} say. */
  private static FlightErrors prior(PoseCorrection.Options options) {
    double[] sigmas = sigmas(options);
    double[][] cov = new double[6][6];
    for (int i = 0; i < 6; i++) {
      cov[i][i] = sigmas[i] * sigmas[i];
    }
    return new FlightErrors(ZERO, Map.of(), Map.of(), cov, Map.of());
  }

  /**
   * The flight's pose errors from the marks on its photos.
   *
   * @param cameras the photos' GPS/attitude cameras, by photo id
   * @param controls marks of surveyed points (stored-image pixels), by photo id; marks behind
   *     their photo's camera are left out. Without a usable mark every camera stays as given,
   *     with the prior's {@link #covariance}
   * @param options the marks' sigma and the total sigmas of the pose errors
   * @param split the shared fractions, or null to weigh those of {@link #GRID} by evidence
   */
  public static FlightErrors estimate(Map<String, CameraModel> cameras,
      Map<String, List<PoseCorrection.Control>> controls, PoseCorrection.Options options,
      Split split) {
    List<Marked> photos = new ArrayList<>();
    controls.forEach((id, cs) -> {
      CameraModel cam = cameras.get(id);
      if (cam == null) {
        throw new IllegalArgumentException("marks on an unknown photo: " + id);
      }
      List<PoseCorrection.Control> usable =
          cs.stream().filter(c -> cam.projectOrNull(c.point()) != null).toList();
      if (!usable.isEmpty()) {
        photos.add(new Marked(id, cam, usable));
      }
    });
    if (photos.isEmpty()) {
      return prior(options);
    }
    double[] sigmas = sigmas(options);
    List<Split> splits = split == null ? GRID : List.of(split);
    List<Solution> first = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (Split sp : splits) {
      Solution s = solve(photos, null, sigmas, sp, options.markSigmaPx());
      first.add(s);
      if (s != null) {
        best = Math.max(best, s.logEvidence());
      }
    }
    if (best == Double.NEGATIVE_INFINITY) {
      return prior(options);
    }
    double[] w = new double[splits.size()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      Solution s = first.get(i);
      w[i] = s == null ? 0 : Math.exp(s.logEvidence() - best);
      total += w[i];
    }
    double kept = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = w[i] / total < MIN_WEIGHT ? 0 : w[i];
      kept += w[i];
    }
    double[] shared = new double[6];
    Map<String, double[]> marked = new LinkedHashMap<>();
    Map<Split, Double> weights = new LinkedHashMap<>();
    photos.forEach(p -> marked.put(p.id(), new double[6]));
    List<Double> used = new ArrayList<>();
    List<Solution> solutions = new ArrayList<>();
    for (int i = 0; i < w.length; i++) {
      weights.put(splits.get(i), w[i] / kept);
      if (w[i] == 0) {
        continue;
      }
      Solution s = first.get(i);
      for (int it = 1; it < LINEARISATIONS; it++) {
        Solution next = solve(photos, s.errors(), sigmas, splits.get(i), options.markSigmaPx());
        if (next == null) {
          break;
        }
        s = next;
      }
      double wi = w[i] / kept;
      used.add(wi);
      solutions.add(s);
      for (int k = 0; k < 6; k++) {
        shared[k] += wi * s.shared()[k];
      }
      for (var e : marked.entrySet()) {
        double[] ek = s.errors().get(e.getKey());
        for (int k = 0; k < 6; k++) {
          e.getValue()[k] += wi * ek[k];
        }
      }
    }
    // the mixture's covariances: weighted covariances plus the spread of the means
    double[][] unmarkedCov = new double[6][6];
    Map<String, double[][]> markedCov = new LinkedHashMap<>();
    photos.forEach(p -> markedCov.put(p.id(), new double[6][6]));
    for (int i = 0; i < solutions.size(); i++) {
      Solution s = solutions.get(i);
      double wi = used.get(i);
      addMixed(unmarkedCov, wi, s.unmarkedCovariance(), s.shared(), shared);
      for (var e : markedCov.entrySet()) {
        addMixed(e.getValue(), wi, s.covariances().get(e.getKey()), s.errors().get(e.getKey()),
            marked.get(e.getKey()));
      }
    }
    return new FlightErrors(shared, Collections.unmodifiableMap(marked),
        Collections.unmodifiableMap(weights), unmarkedCov, Collections.unmodifiableMap(markedCov));
  }

  /** Adds {@code w (cov + (mean − centre)(mean − centre)ᵀ)} to {@code sum}. */
  private static void addMixed(double[][] sum, double w, double[][] cov, double[] mean,
      double[] centre) {
    for (int r = 0; r < 6; r++) {
      for (int q = 0; q < 6; q++) {
        sum[r][q] += w * (cov[r][q] + (mean[r] - centre[r]) * (mean[q] - centre[q]));
      }
    }
  }

  /** True when there was no usable mark to estimate from. */
  public boolean isEmpty() {
    return weights.isEmpty();
  }

  /** Whether photo {@code photoId} has marks of its own in the estimate. */
  public boolean hasOwnMarks(String photoId) {
    return marked.containsKey(photoId);
  }

  /** The weight of each split weighed (they add up to 1); empty without marks. */
  public Map<Split, Double> weights() {
    return weights;
  }

  /** The split of the largest weight, or empty without marks. */
  public Optional<Split> mostProbable() {
    return weights.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  /**
   * The flight's shared error: the camera-centre shift (ENU metres, 3) then the turn about the
   * camera's own axes (radians, 3); zeros without marks.
   */
  public double[] shared() {
    return shared.clone();
  }

  /**
   * Photo {@code photoId}'s camera corrected: by its own error estimate when it has marks, else
   * by the flight's shared one.
   */
  public CameraModel corrected(String photoId, CameraModel gps) {
    return apply(gps, marked.getOrDefault(photoId, shared));
  }

  /**
   * The posterior covariance of photo {@code photoId}'s pose error (6 × 6, in the units of {@link
   * #shared}): of its own error estimate when it has marks, else of the flight's shared error plus
   * the prior of the photo's own; without marks the prior's (zeros for {@link #none}). A fresh
   * array.
   */
  public double[][] covariance(String photoId) {
    double[][] c = markedCovariance.getOrDefault(photoId, unmarkedCovariance);
    double[][] out = new double[6][];
    for (int i = 0; i < 6; i++) {
      out[i] = c[i].clone();
    }
    return out;
  }

  /** Photo {@code photoId}'s error estimate: its own with marks, else the flight's shared one. */
  double[] error(String photoId) {
    return marked.getOrDefault(photoId, shared).clone();
  }

  /** {@code gps} moved by the error {@code e}: centre shifted, then turned about its own axes. */
  static CameraModel apply(CameraModel gps, double[] e) {
    Pose p = gps.pose();
    return gps.withPose(new Pose(p.centre().plus(new Vec3(e[0], e[1], e[2])),
        p.cameraToWorld().times(Rotation.ofRotationVector(new Vec3(e[3], e[4], e[5])))));
  }

  private record Marked(String id, CameraModel camera, List<PoseCorrection.Control> controls) {}

  /**
   * One split's solution: the log evidence of the pseudo-observations it was solved for, the
   * shared error and each marked photo's total error, and their posterior covariances (for a
   * photo without marks: the shared error's plus the prior of the photo's own).
   */
  private record Solution(double logEvidence, double[] shared, Map<String, double[]> errors,
      double[][] unmarkedCovariance, Map<String, double[][]> covariances) {}

  private static double[] sigmas(PoseCorrection.Options o) {
    double h = Math.min(o.horizontalSigmaM(), MAX_POSITION_SIGMA_M);
    double v = Math.min(o.verticalSigmaM(), MAX_POSITION_SIGMA_M);
    double a = Math.min(Math.toRadians(o.attitudeSigmaDeg()), MAX_ATTITUDE_SIGMA_RAD);
    return new double[] {h, h, v, a, a, a};
  }

  /**
   * The linear-Gaussian posterior for one split, linearised at the errors {@code at} (null: at
   * the GPS/attitude cameras); null when a photo's projections fail there.
   */
  private static Solution solve(List<Marked> photos, Map<String, double[]> at, double[] sigmas,
      Split split, double markSigmaPx) {
    double[] sharedVar = new double[6];
    double[] ownVar = new double[6];
    for (int i = 0; i < 6; i++) {
      double f = i < 3 ? split.position() : split.attitude();
      sharedVar[i] = f * sigmas[i] * sigmas[i];
      ownVar[i] = (1 - f) * sigmas[i] * sigmas[i];
    }
    double markVar = markSigmaPx * markSigmaPx;
    double[][] a = new double[6][6];
    double[] eta = new double[6];
    double logEvidence = 0;
    List<double[][]> photoA = new ArrayList<>();
    List<double[]> photoEta = new ArrayList<>();
    for (Marked m : photos) {
      double[] e0 = at == null ? ZERO : at.get(m.id());
      int n = 2 * m.controls().size();
      double[][] j = new double[n][];
      double[] y = new double[n];
      for (int c = 0; c < m.controls().size(); c++) {
        PoseCorrection.Control ctl = m.controls().get(c);
        ImagePoint h = project(m.camera(), e0, ctl.point());
        double[][] jc = jacobian(m.camera(), e0, ctl.point());
        if (h == null || jc == null) {
          return null;
        }
        // pseudo-observations: y = mark − h(e0) + J e0 ≈ J e, linear in the error e
        j[2 * c] = jc[0];
        j[2 * c + 1] = jc[1];
        y[2 * c] = ctl.pixel().x() - h.x() + dot(jc[0], e0);
        y[2 * c + 1] = ctl.pixel().y() - h.y() + dot(jc[1], e0);
      }
      // the photo's own error integrated out: y | s ~ N(J s, K), K = J U Jᵀ + σ² I
      double[][] k = new double[n][n];
      for (int r = 0; r < n; r++) {
        for (int q = 0; q <= r; q++) {
          double sum = r == q ? markVar : 0;
          for (int i = 0; i < 6; i++) {
            sum += j[r][i] * ownVar[i] * j[q][i];
          }
          k[r][q] = sum;
          k[q][r] = sum;
        }
      }
      double[][] l = Linear.cholesky(k);
      if (l == null) {
        return null;
      }
      double[] kInvY = Linear.choleskySolve(l, y);
      double[][] kInvJ = new double[6][];
      for (int i = 0; i < 6; i++) {
        double[] col = new double[n];
        for (int r = 0; r < n; r++) {
          col[r] = j[r][i];
        }
        kInvJ[i] = Linear.choleskySolve(l, col);
      }
      double[][] ak = new double[6][6];
      double[] etak = new double[6];
      for (int i = 0; i < 6; i++) {
        for (int r = 0; r < n; r++) {
          etak[i] += j[r][i] * kInvY[r];
          for (int q = 0; q < 6; q++) {
            ak[i][q] += j[r][i] * kInvJ[q][r];
          }
        }
      }
      for (int i = 0; i < 6; i++) {
        eta[i] += etak[i];
        for (int q = 0; q < 6; q++) {
          a[i][q] += ak[i][q];
        }
      }
      photoA.add(ak);
      photoEta.add(etak);
      logEvidence += -0.5 * dot(y, kInvY) - 0.5 * Linear.choleskyLogDet(l)
          - 0.5 * n * Math.log(2 * Math.PI);
    }
    // the shared error: with D = √S, mean = D (I + D A D)⁻¹ D η, which holds for zero variances
    double[] d = new double[6];
    for (int i = 0; i < 6; i++) {
      d[i] = Math.sqrt(sharedVar[i]);
    }
    double[][] b = new double[6][6];
    double[] dEta = new double[6];
    for (int i = 0; i < 6; i++) {
      dEta[i] = d[i] * eta[i];
      for (int q = 0; q < 6; q++) {
        b[i][q] = (i == q ? 1 : 0) + d[i] * a[i][q] * d[q];
      }
    }
    double[][] lb = Linear.cholesky(b);
    if (lb == null) {
      return null;
    }
    double[] z = Linear.choleskySolve(lb, dEta);
    double[] s = new double[6];
    for (int i = 0; i < 6; i++) {
      s[i] = d[i] * z[i];
    }
    logEvidence += 0.5 * dot(eta, s) - 0.5 * Linear.choleskyLogDet(lb);
    // the shared error's covariance: P = D (I + D A D)⁻¹ D
    double[][] shCov = Linear.choleskyInverse(lb);
    for (int i = 0; i < 6; i++) {
      for (int q = 0; q < 6; q++) {
        shCov[i][q] *= d[i] * d[q];
      }
    }
    double[][] unmarkedCov = new double[6][6];
    for (int i = 0; i < 6; i++) {
      unmarkedCov[i] = shCov[i].clone();
      unmarkedCov[i][i] += ownVar[i];
    }
    // each photo's own error given s: U (η_k − A_k s)
    Map<String, double[]> errors = new LinkedHashMap<>();
    Map<String, double[][]> covariances = new LinkedHashMap<>();
    for (int p = 0; p < photos.size(); p++) {
      double[][] ak = photoA.get(p);
      double[] etak = photoEta.get(p);
      double[] e = new double[6];
      for (int i = 0; i < 6; i++) {
        double r = etak[i];
        for (int q = 0; q < 6; q++) {
          r -= ak[i][q] * s[q];
        }
        e[i] = s[i] + ownVar[i] * r;
      }
      errors.put(photos.get(p).id(), e);
      // e_k = M s + U η_k + (u_k | s), M = I − U A_k: cov M P Mᵀ + U − U A_k U
      double[][] m = new double[6][6];
      for (int i = 0; i < 6; i++) {
        for (int q = 0; q < 6; q++) {
          m[i][q] = (i == q ? 1 : 0) - ownVar[i] * ak[i][q];
        }
      }
      double[][] mp = new double[6][6];
      for (int i = 0; i < 6; i++) {
        for (int q = 0; q < 6; q++) {
          double sum = 0;
          for (int t = 0; t < 6; t++) {
            sum += m[i][t] * shCov[t][q];
          }
          mp[i][q] = sum;
        }
      }
      double[][] cov = new double[6][6];
      for (int i = 0; i < 6; i++) {
        for (int q = 0; q < 6; q++) {
          double sum = (i == q ? ownVar[i] : 0) - ownVar[i] * ak[i][q] * ownVar[q];
          for (int t = 0; t < 6; t++) {
            sum += mp[i][t] * m[q][t];
          }
          cov[i][q] = sum;
        }
      }
      covariances.put(photos.get(p).id(), cov);
    }
    if (!Double.isFinite(logEvidence)) {
      return null;
    }
    return new Solution(logEvidence, s, errors, unmarkedCov, covariances);
  }

  private static ImagePoint project(CameraModel gps, double[] e, Vec3 point) {
    return apply(gps, e).projectOrNull(point);
  }

  /** d(pixel)/d(error) at {@code e}, 2 × 6, by central differences; null if a side fails. */
  static double[][] jacobian(CameraModel gps, double[] e, Vec3 point) {
    double[][] j = new double[2][6];
    for (int i = 0; i < 6; i++) {
      double step = i < 3 ? POSITION_STEP_M : ROTATION_STEP_RAD;
      double[] plus = e.clone();
      double[] minus = e.clone();
      plus[i] += step;
      minus[i] -= step;
      ImagePoint hp = project(gps, plus, point);
      ImagePoint hm = project(gps, minus, point);
      if (hp == null || hm == null) {
        return null;
      }
      j[0][i] = (hp.x() - hm.x()) / (2 * step);
      j[1][i] = (hp.y() - hm.y()) / (2 * step);
    }
    return j;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
