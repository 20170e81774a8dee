package io.tessera.core.camera;

import java.util.Arrays;

/**
 * A proper rotation of three-dimensional space, as a 3×3 orthonormal matrix with determinant +1,
 * applied to column vectors ({@code v' = R v}). Immutable.
 *
 * <p>Elementary rotations are active and right-handed: {@link #aboutX}, {@link #aboutY} and
 * {@link #aboutZ} turn a vector by a positive angle counter-clockwise when seen from the positive
 * end of the axis.
 */
public final class Rotation {
  /** The identity. */
  public static final Rotation IDENTITY = new Rotation(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});

  private final double[] m; // row-major

  private Rotation(double[] m) {
    this.m = m;
  }

  /**
   * The rotation whose matrix has these rows. The matrix must be orthonormal with determinant +1
   * to within 1e-6; it is then re-orthonormalised so that products stay exact.
   */
  public static Rotation ofRows(double[] row0, double[] row1, double[] row2) {
    double[] a = {
      row0[0], row0[1], row0[2], row1[0], row1[1], row1[2], row2[0], row2[1], row2[2]
    };
    for (double v : a) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("rotation matrix entries must be finite");
      }
    }
    Rotation r = new Rotation(a);
    Rotation p = r.times(r.transpose());
    double err = 0;
    for (int i = 0; i < 9; i++) {
      err = Math.max(err, Math.abs(p.m[i] - IDENTITY.m[i]));
    }
    if (err > 1e-6 || r.determinant() < 0) {
      throw new IllegalArgumentException("not a rotation matrix: " + Arrays.toString(a));
    }
    return r.orthonormalized();
  }

  /** The rotation whose columns are the images of the x, y and z axes. */
  public static Rotation ofColumns(Vec3 x, Vec3 y, Vec3 z) {
    return ofRows(
        new double[] {x.x(), y.x(), z.x()},
        new double[] {x.y(), y.y(), z.y()},
        new double[] {x.z(), y.z(), z.z()});
  }

  /** Rotation by {@code angleRad} about the x axis. */
  public static Rotation aboutX(double angleRad) {
    double c = Math.cos(angleRad);
    double s = Math.sin(angleRad);
    return new Rotation(new double[] {1, 0, 0, 0, c, -s, 0, s, c});
  }

  /** Rotation by {@code angleRad} about the y axis. */
  public static Rotation aboutY(double angleRad) {
    double c = Math.cos(angleRad);
    double s = Math.sin(angleRad);
    return new Rotation(new double[] {c, 0, s, 0, 1, 0, -s, 0, c});
  }

  /** Rotation by {@code angleRad} about the z axis. */
  public static Rotation aboutZ(double angleRad) {
    double c = Math.cos(angleRad);
    double s = Math.sin(angleRad);
    return new Rotation(new double[] {c, -s, 0, s, c, 0, 0, 0, 1});
  }

  /**
   * The rotation by {@code |v|} radians about the axis {@code v / |v|} (Rodrigues' formula); the
   * zero vector gives the identity.
   */
  public static Rotation ofRotationVector(Vec3 v) {
    double theta = v.norm();
    if (theta < 1e-12) {
      // first order: I + [v]x, re-orthonormalised
      return new Rotation(new double[] {1, -v.z(), v.y(), v.z(), 1, -v.x(), -v.y(), v.x(), 1})
          .orthonormalized();
    }
    double kx = v.x() / theta;
    double ky = v.y() / theta;
    double kz = v.z() / theta;
    double c = Math.cos(theta);
    double s = Math.sin(theta);
    double t = 1 - c;
    return new Rotation(new double[] {
      c + kx * kx * t, kx * ky * t - kz * s, kx * kz * t + ky * s,
      ky * kx * t + kz * s, c + ky * ky * t, ky * kz * t - kx * s,
      kz * kx * t - ky * s, kz * ky * t + kx * s, c + kz * kz * t
    });
  }

  /** The rotation vector (axis times angle in radians, angle in [0, π]) of this rotation. */
  public Vec3 toRotationVector() {
    double cos = Math.max(-1, Math.min(1, (m[0] + m[4] + m[8] - 1) / 2));
    double theta = Math.acos(cos);
    Vec3 w = new Vec3(m[7] - m[5], m[2] - m[6], m[3] - m[1]); // 2 sin(theta) * axis
    if (theta < 1e-6) {
      return w.times(0.5);
    }
    if (Math.PI - theta > 1e-6) {
      return w.times(theta / (2 * Math.sin(theta)));
    }
    // near π: the axis from the diagonal of (R + I) / 2 = k kᵀ
    double xx = (m[0] + 1) / 2;
    double yy = (m[4] + 1) / 2;
    double zz = (m[8] + 1) / 2;
    Vec3 k;
    if (xx >= yy && xx >= zz) {
      double kx = Math.sqrt(xx);
      k = new Vec3(kx, (m[1] + m[3]) / (4 * kx), (m[2] + m[6]) / (4 * kx));
    } else if (yy >= zz) {
      double ky = Math.sqrt(yy);
      k = new Vec3((m[1] + m[3]) / (4 * ky), ky, (m[5] + m[7]) / (4 * ky));
    } else {
      double kz = Math.sqrt(zz);
      k = new Vec3((m[2] + m[6]) / (4 * kz), (m[5] + m[7]) / (4 * kz), kz);
    }
    return k.normalized().times(theta);
  }

  /** The angle of this rotation, radians in [0, π]. */
  public double angle() {
    // atan2 of sine and cosine keeps small angles exact, where acos of the trace loses half the digits
    double sin2 = Math.sqrt(Math.pow(m[7] - m[5], 2) + Math.pow(m[2] - m[6], 2) + Math.pow(m[3] - m[1], 2));
    return Math.atan2(sin2 / 2, (m[0] + m[4] + m[8] - 1) / 2);
  }

  /** The angle of the rotation that takes {@code this} to {@code other}, radians. */
  public double angleTo(Rotation other) {
    return other.times(transpose()).angle();
  }

  /** Entry at {@code row}, {@code col} (0-based). */
  public double get(int row, int col) {
    return m[row * 3 + col];
  }

  /** Row {@code i} as a vector. */
  public Vec3 row(int i) {
    return new Vec3(m[3 * i], m[3 * i + 1], m[3 * i + 2]);
  }

  /** Column {@code i} as a vector: the image of axis {@code i}. */
  public Vec3 column(int i) {
    return new Vec3(m[i], m[3 + i], m[6 + i]);
  }

  /** {@code R v}. */
  public Vec3 apply(Vec3 v) {
    return new Vec3(
        m[0] * v.x() + m[1] * v.y() + m[2] * v.z(),
        m[3] * v.x() + m[4] * v.y() + m[5] * v.z(),
        m[6] * v.x() + m[7] * v.y() + m[8] * v.z());
  }

  /** {@code Rᵀ v}, the inverse rotation applied to {@code v}. */
  public Vec3 applyInverse(Vec3 v) {
    return new Vec3(
        m[0] * v.x() + m[3] * v.y() + m[6] * v.z(),
        m[1] * v.x() + m[4] * v.y() + m[7] * v.z(),
        m[2] * v.x() + m[5] * v.y() + m[8] * v.z());
  }

  /** The product {@code this · other}: first {@code other}, then {@code this}. */
  public Rotation times(Rotation other) {
    double[] a = m;
    double[] b = other.m;
    double[] c = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
      }
    }
    return new Rotation(c);
  }

  /** The inverse, which for a rotation is the transpose. */
  public Rotation transpose() {
    return new Rotation(new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]});
  }

  double determinant() {
    return m[0] * (m[4] * m[8] - m[5] * m[7])
        - m[1] * (m[3] * m[8] - m[5] * m[6])
        + m[2] * (m[3] * m[7] - m[4] * m[6]);
  }

  /** Gram–Schmidt on the rows, keeping products of many rotations orthonormal. */
  private Rotation orthonormalized() {
    Vec3 r0 = row(0).normalized();
    Vec3 r1 = row(1).minus(r0.times(r0.dot(row(1)))).normalized();
    Vec3 r2 = r0.cross(r1);
    return new Rotation(new double[] {
      r0.x(), r0.y(), r0.z(), r1.x(), r1.y(), r1.z(), r2.x(), r2.y(), r2.z()
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rotation r && Arrays.equals(m, r.m);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(m);
  }

  @Override
  public String toString() {
    return "Rotation" + Arrays.toString(m);
  }
}
