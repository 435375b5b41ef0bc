package org.mercato.metrics.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which covariates the information matrix cannot tell apart. Cholesky in covariate order on the
 * matrix scaled to unit diagonal: a pivot is 1 − R² of that covariate on the ones before it, and
 * one below {@link #TOLERANCE} (R's coxph, behind survival::clogit, uses a like pivot tolerance)
 * makes the matrix singular for practical purposes, its inverse's entries (the variances) over a
 * billion times the covariate's own. Such a covariate is set aside and named with the earlier
 * ones it is a combination of; one with no variation at all is constant within every choice set.
 */
final class Identification {
    static final double TOLERANCE = 1e-9;

    /** The covariates involved (in covariate order) and a sentence saying how. */
    record Problem(List<String> covariates, String reason) {}

    private Identification() {}

    /**
     * Null when every covariate is identified. {@code scale[a]} is the size of covariate a's raw
     * second moment, so a diagonal that is rounding noise next to it counts as zero.
     */
    static Problem check(List<String> names, double[][] information, double[] scale, String where) {
        int k = names.size();
        List<String> constant = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        SortedSet<Integer> involved = new TreeSet<>();
        double[] root = new double[k];
        List<Integer> kept = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            double diagonal = information[a][a];
            if (!(diagonal > 1e-13 * scale[a]) || !Double.isFinite(diagonal)) {
                constant.add(names.get(a));
                involved.add(a);
            } else {
                root[a] = Math.sqrt(diagonal);
                kept.add(a);
            }
        }
        // correlation-scaled matrix over the non-constant covariates
        int m = kept.size();
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int a = kept.get(i);
                int b = kept.get(j);
                r[i][j] = information[a][b] / (root[a] * root[b]);
            }
        }
        double[][] l = new double[m][m];
        List<Integer> basis = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            // row i of L against the identified covariates so far
            double[] row = new double[m];
            for (int bi = 0; bi < basis.size(); bi++) {
                int j = basis.get(bi);
                double sum = r[i][j];
                for (int q = 0; q < bi; q++) {
                    sum -= row[basis.get(q)] * l[j][basis.get(q)];
                }
                row[j] = sum / l[j][j];
            }
            double pivot = r[i][i];
            for (int j : basis) {
                pivot -= row[j] * row[j];
            }
            if (pivot > TOLERANCE) {
                l[i] = row;
                l[i][i] = Math.sqrt(pivot);
                basis.add(i);
            } else {
                // the weights w with covariate i ≈ Σ w_j covariate j: solve Lᵀ w = row
                double[] w = new double[m];
                for (int bi = basis.size() - 1; bi >= 0; bi--) {
                    int j = basis.get(bi);
                    double sum = row[j];
                    for (int q = bi + 1; q < basis.size(); q++) {
                        int h = basis.get(q);
                        sum -= l[h][j] * w[h];
                    }
                    w[j] = sum / l[j][j];
                }
                List<String> with = new ArrayList<>();
                involved.add(kept.get(i));
                for (int j : basis) {
                    if (Math.abs(w[j]) > 1e-6) {
                        with.add(names.get(kept.get(j)));
                        involved.add(kept.get(j));
                    }
                }
                clauses.add(names.get(kept.get(i))
                        + (with.isEmpty()
                                ? " has no variation of its own"
                                : " is collinear with " + String.join(", ", with))
                        + " " + where);
            }
        }
        if (involved.isEmpty()) {
            return null;
        }
        if (!constant.isEmpty()) {
            clauses.add(
                    0,
                    String.join(", ", constant) + (constant.size() == 1 ? " is" : " are")
                            + " constant within every choice set");
        }
        List<String> covariates = new ArrayList<>();
        for (int a : involved) {
            covariates.add(names.get(a));
        }
        return new Problem(List.copyOf(covariates), "singular information matrix: " + String.join("; ", clauses));
    }
}
