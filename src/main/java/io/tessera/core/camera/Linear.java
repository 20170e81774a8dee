package io.tessera.core.camera;

/** Small dense linear systems for the least-squares solvers of this package. */
final class Linear {
  private Linear() {}

  /**
   * The solution of {@code a x = b} by Gaussian elimination with partial pivoting, or null when
   * {@code a} is singular to working precision. Neither argument is modified.
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
      for (int j = 0; j < n; j++) {
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
    }
    if (scale == 0) {
      return null;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) <= 1e-13 * scale) {
        return null;
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        if (f != 0) {
          for (int c = col; c <= n; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  /** Adds {@code w · jᵀ j} to {@code normal} and {@code -w · r · j} to {@code rhs}: one residual. */
  static void accumulate(double[][] normal, double[] rhs, double[] j, double r, double w) {
    int n = j.length;
    for (int a = 0; a < n; a++) {
      if (j[a] == 0) {
        continue;
      }
      rhs[a] -= w * j[a] * r;
      for (int b = 0; b < n; b++) {
        normal[a][b] += w * j[a] * j[b];
      }
    }
  }

  /**
   * The lower Cholesky factor {@code l} of the symmetric positive definite {@code a} ({@code a =
   * l lᵀ}), or null when {@code a} is not positive definite to working precision. Only the lower
   * triangle of {@code a} is read; it is not modified.
   */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 1e-300) || !Double.isFinite(s)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** The solution of {@code l lᵀ x = b} for a Cholesky factor {@code l} ({@link #cholesky}). */
  static double[] choleskySolve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** The inverse of {@code l lᵀ} for a Cholesky factor {@code l} (a covariance from normals). */
  static double[][] choleskyInverse(double[][] l) {
    int n = l.length;
    double[][] inv = new double[n][n];
    for (int q = 0; q < n; q++) {
      double[] unit = new double[n];
      unit[q] = 1;
      double[] col = choleskySolve(l, unit);
      for (int i = 0; i < n; i++) {
        inv[i][q] = col[i];
      }
    }
    return inv;
  }

  /** The natural logarithm of the determinant of {@code l lᵀ} for a Cholesky factor {@code l}. */
  static double choleskyLogDet(double[][] l) {
    double sum = 0;
    for (int i = 0; i < l.length; i++) {
      sum += Math.log(l[i][i]);
    }
    return 2 * sum;
  }
}
