package org.mercato.metrics.estimation;

/**
 * The linear program max c·δ subject to r_i·δ ≥ 0 for every row r_i and −1 ≤ δ_a ≤ 1, solved
 * through its dual, min Σ_a (p_a + q_a) subject to p − q − Σ_i y_i r_i = c with y, p, q ≥ 0, by
 * the revised simplex method. The dual has one constraint per covariate however many rows there
 * are, and p or q per covariate is a feasible first basis, so there is no phase one; the optimal
 * simplex multipliers are the primal δ. Dantzig's rule, switching to Bland's after a run of
 * degenerate pivots so it cannot cycle.
 */
final class ConeProgram {
    private static final double EPSILON = 1e-12;
    private static final int REFACTOR_EVERY = 50;
    private static final int DEGENERATE_RUN = 50;

    private final double[][] rows;
    private final double[] c;
    private final int k;
    private final int n;

    ConeProgram(double[][] rows, double[] c) {
        this.rows = rows;
        this.c = c;
        this.k = c.length;
        this.n = rows.length;
    }

    /** The optimal δ, or null if the pivot limit was reached. */
    double[] solve() {
        // columns 0..n-1: y_i (column −r_i, cost 0); n..n+k-1: p_a (e_a, cost 1); n+k..: q_a (−e_a, cost 1)
        int[] basis = new int[k];
        for (int a = 0; a < k; a++) {
            basis[a] = c[a] >= 0 ? n + a : n + k + a;
        }
        double[][] inverse = invert(basis);
        double[] values = times(inverse, c);
        boolean bland = false;
        int degenerate = 0;
        long limit = 50L * (n + 2L * k) + 1_000;
        for (long pivot = 0; pivot < limit; pivot++) {
            double[] pi = new double[k];
            for (int r = 0; r < k; r++) {
                double cost = basis[r] >= n ? 1 : 0;
                if (cost != 0) {
                    for (int a = 0; a < k; a++) {
                        pi[a] += cost * inverse[r][a];
                    }
                }
            }
            int entering = entering(pi, bland);
            if (entering < 0) {
                return pi;
            }
            double[] u = times(inverse, column(entering));
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < k; r++) {
                if (u[r] > EPSILON) {
                    double t = Math.max(0, values[r]) / u[r];
                    if (t < ratio - EPSILON || (t <= ratio + EPSILON && leaving >= 0 && basis[r] < basis[leaving])) {
                        ratio = Math.min(ratio, t);
                        leaving = r;
                    }
                }
            }
            if (leaving < 0) {
                return null; // unbounded dual: cannot happen with δ = 0 feasible, so a numerical failure
            }
            degenerate = ratio <= EPSILON ? degenerate + 1 : 0;
            bland |= degenerate > DEGENERATE_RUN;
            basis[leaving] = entering;
            if ((pivot + 1) % REFACTOR_EVERY == 0) {
                inverse = invert(basis);
                if (inverse == null) {
                    return null;
                }
                values = times(inverse, c);
            } else {
                double pivotValue = u[leaving];
                for (int a = 0; a < k; a++) {
                    inverse[leaving][a] /= pivotValue;
                }
                values[leaving] /= pivotValue;
                for (int r = 0; r < k; r++) {
                    if (r != leaving && u[r] != 0) {
                        double f = u[r];
                        for (int a = 0; a < k; a++) {
                            inverse[r][a] -= f * inverse[leaving][a];
                        }
                        values[r] -= f * values[leaving];
                    }
                }
            }
        }
        return null;
    }

    /** The column with the most negative reduced cost (or the first negative one under Bland), or −1. */
    private int entering(double[] pi, boolean bland) {
        int best = -1;
        double most = -EPSILON;
        for (int i = 0; i < n; i++) {
            double reduced = 0;
            double[] r = rows[i];
            for (int a = 0; a < k; a++) {
                reduced += pi[a] * r[a];
            }
            if (reduced < most) {
                if (bland) {
                    return i;
                }
                most = reduced;
                best = i;
            }
        }
        for (int side = 0; side < 2; side++) {
            for (int a = 0; a < k; a++) {
                double reduced = side == 0 ? 1 - pi[a] : 1 + pi[a];
                if (reduced < most) {
                    if (bland) {
                        return n + side * k + a;
                    }
                    most = reduced;
                    best = n + side * k + a;
                }
            }
        }
        return best;
    }

    private double[] column(int j) {
        double[] col = new double[k];
        if (j < n) {
            for (int a = 0; a < k; a++) {
                col[a] = -rows[j][a];
            }
        } else if (j < n + k) {
            col[j - n] = 1;
        } else {
            col[j - n - k] = -1;
        }
        return col;
    }

    /** The inverse of the basis matrix by Gauss–Jordan with partial pivoting, or null if singular. */
    private double[][] invert(int[] basis) {
        double[][] m = new double[k][2 * k];
        for (int r = 0; r < k; r++) {
            double[] col = column(basis[r]);
            for (int a = 0; a < k; a++) {
                m[a][r] = col[a];
            }
            m[r][k + r] = 1;
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-14) {
                return null;
            }
            double[] swap = m[pivot];
            m[pivot] = m[col];
            m[col] = swap;
            double p = m[col][col];
            for (int a = 0; a < 2 * k; a++) {
                m[col][a] /= p;
            }
            for (int r = 0; r < k; r++) {
                if (r != col && m[r][col] != 0) {
                    double f = m[r][col];
                    for (int a = 0; a < 2 * k; a++) {
                        m[r][a] -= f * m[col][a];
                    }
                }
            }
        }
        double[][] inverse = new double[k][k];
        for (int r = 0; r < k; r++) {
            System.arraycopy(m[r], k, inverse[r], 0, k);
        }
        return inverse;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            double sum = 0;
            for (int a = 0; a < v.length; a++) {
                sum += m[r][a] * v[a];
            }
            out[r] = sum;
        }
        return out;
    }
}
