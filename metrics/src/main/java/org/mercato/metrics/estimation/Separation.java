package org.mercato.metrics.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the choices are separated, so that the conditional logit's maximum-likelihood estimate
 * does not exist. With d = x(chosen) − x(other) for every other alternative of every set, the
 * log-likelihood is −Σ_s log(1 + Σ_j exp(−d_sj·β)); it keeps rising along a direction δ ≠ 0 with
 * d·δ ≥ 0 for every d and d·δ > 0 for some, and only then (Albert and Anderson's result, set by
 * set). Such a δ is found exactly, not by watching Newton–Raphson diverge, with the linear program
 * of Konis (2007): maximise Σ d·δ subject to d·δ ≥ 0 and −1 ≤ δ ≤ 1, whose optimum is positive
 * if and only if the data are separated. Repeating it over the differences not yet strict gives a
 * direction that is strict wherever any separating direction is, so its support names every
 * covariate involved. Complete separation: every d·δ > 0 (the chosen alternative strictly first in
 * every set, log-likelihood → 0); quasi-complete: some are 0.
 */
final class Separation {
    /** A margin d·δ above this (rows of unit length, |δ| ≤ 1 per covariate) counts as strict. */
    private static final double STRICT = 1e-9;

    /**
     * What the check found: {@code direction} in the covariates' own units, and per set and
     * alternative whether it is strictly behind the chosen one along it (both null when none).
     */
    record Result(Kind kind, double[] direction, int setsFirst, int setsAhead, int sets, boolean[][] behind) {
        boolean found() {
            return kind == Kind.COMPLETE || kind == Kind.QUASI_COMPLETE;
        }

        /** The covariates of the direction's support, in their order. */
        List<String> covariates(List<String> names) {
            List<String> out = new ArrayList<>();
            for (int a = 0; a < names.size(); a++) {
                if (direction[a] != 0) {
                    out.add(names.get(a));
                }
            }
            return out;
        }

        String describe(List<String> names) {
            List<String> along = new ArrayList<>();
            for (int a = 0; a < names.size(); a++) {
                if (direction[a] != 0) {
                    along.add((direction[a] > 0 ? "+" : "-") + names.get(a));
                }
            }
            String how = String.join(" ", along);
            return kind == Kind.COMPLETE
                    ? String.format(
                            Locale.ROOT,
                            "complete separation: along %s the chosen alternative is strictly first in all %d"
                                    + " choice sets, so the log-likelihood approaches 0 and the coefficients of %s"
                                    + " run off to infinity",
                            how,
                            sets,
                            String.join(", ", covariates(names)))
                    : String.format(
                            Locale.ROOT,
                            "quasi-complete separation: along %s the chosen alternative is never behind another"
                                    + " in any of the %d choice sets, ahead of at least one in %d and of all in %d, so"
                                    + " the coefficients of %s run off to infinity",
                            how,
                            sets,
                            setsAhead,
                            setsFirst,
                            String.join(", ", covariates(names)));
        }
    }

    enum Kind {
        NONE,
        QUASI_COMPLETE,
        COMPLETE,
        /** The linear program did not finish (pivot limit): not known. */
        UNKNOWN
    }

    private Separation() {}

    static Result find(List<ChoiceSet> sets, int k) {
        // the differences, each covariate scaled by its largest |d| and each row to unit length:
        // neither changes which signs d·δ can take
        List<double[]> raw = new ArrayList<>();
        List<Integer> setOf = new ArrayList<>();
        List<Integer> alternativeOf = new ArrayList<>();
        int comparable = 0;
        for (int s = 0; s < sets.size(); s++) {
            double[][] x = sets.get(s).x();
            int chosen = sets.get(s).chosen();
            if (x.length < 2) {
                continue;
            }
            comparable++;
            for (int j = 0; j < x.length; j++) {
                if (j != chosen) {
                    double[] d = new double[k];
                    for (int a = 0; a < k; a++) {
                        d[a] = x[chosen][a] - x[j][a];
                    }
                    raw.add(d);
                    setOf.add(s);
                    alternativeOf.add(j);
                }
            }
        }
        double[] scale = new double[k];
        for (double[] d : raw) {
            for (int a = 0; a < k; a++) {
                scale[a] = Math.max(scale[a], Math.abs(d[a]));
            }
        }
        for (int a = 0; a < k; a++) {
            scale[a] = scale[a] > 0 ? scale[a] : 1;
        }
        int n = raw.size();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] d = raw.get(i);
            double norm = 0;
            for (int a = 0; a < k; a++) {
                d[a] /= scale[a];
                norm += d[a] * d[a];
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < k; a++) {
                d[a] = norm > 0 ? d[a] / norm : 0;
            }
            rows[i] = d;
        }
        boolean[] all = new boolean[k];
        java.util.Arrays.fill(all, true);
        double[] total = maxSupport(rows, all);
        if (total == null) {
            return new Result(Kind.UNKNOWN, null, 0, 0, comparable, null);
        }
        boolean[] strict = strict(rows, total);
        // a direction of maximal support can lean on covariates it does not need (under complete
        // separation every direction near a separating one separates too): drop, last first, each
        // covariate without which the same differences are still strict
        boolean[] used = new boolean[k];
        for (int a = 0; a < k; a++) {
            used[a] = total[a] != 0;
        }
        for (int a = k - 1; a >= 0; a--) {
            if (!used[a] || count(used) == 1) {
                continue;
            }
            used[a] = false;
            double[] narrower = maxSupport(rows, used);
            if (narrower != null && covers(strict(rows, narrower), strict)) {
                total = narrower;
            } else {
                used[a] = true;
            }
        }
        double largest = 0;
        for (double v : total) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (largest == 0) {
            return new Result(Kind.NONE, null, 0, 0, comparable, null);
        }
        double[] direction = new double[k];
        for (int a = 0; a < k; a++) {
            direction[a] = Math.abs(total[a]) > 1e-7 * largest ? total[a] / largest / scale[a] : 0;
        }
        // a set is decided when each of its differences is strict
        boolean[] tied = new boolean[sets.size()];
        boolean[] ahead = new boolean[sets.size()];
        boolean[][] behind = new boolean[sets.size()][];
        for (int s = 0; s < sets.size(); s++) {
            behind[s] = new boolean[sets.get(s).alternatives()];
        }
        boolean complete = true;
        for (int i = 0; i < n; i++) {
            if (strict[i]) {
                ahead[setOf.get(i)] = true;
                behind[setOf.get(i)][alternativeOf.get(i)] = true;
            } else {
                tied[setOf.get(i)] = true;
                complete = false;
            }
        }
        int first = 0;
        int aheadOfSome = 0;
        for (int s = 0; s < sets.size(); s++) {
            if (sets.get(s).x().length >= 2 && !tied[s]) {
                first++;
            }
            if (ahead[s]) {
                aheadOfSome++;
            }
        }
        return new Result(
                complete ? Kind.COMPLETE : Kind.QUASI_COMPLETE, direction, first, aheadOfSome, comparable, behind);
    }

    /**
     * A direction, over the {@code used} covariates only, that is strict on every difference some
     * separating direction over them is strict on (zero when there is none); null if the linear
     * program did not finish. Each round maximises the sum of the margins not yet strict and adds
     * its solution: sums of directions in the cone stay in it and are strict wherever a part is.
     */
    private static double[] maxSupport(double[][] rows, boolean[] used) {
        int n = rows.length;
        int k = used.length;
        double[][] restricted = new double[n][];
        for (int i = 0; i < n; i++) {
            restricted[i] = rows[i].clone();
            for (int a = 0; a < k; a++) {
                if (!used[a]) {
                    restricted[i][a] = 0;
                }
            }
        }
        double[] total = new double[k];
        boolean[] strict = new boolean[n];
        for (int round = 0; round <= k; round++) {
            double[] objective = new double[k];
            for (int i = 0; i < n; i++) {
                if (!strict[i]) {
                    for (int a = 0; a < k; a++) {
                        objective[a] += restricted[i][a];
                    }
                }
            }
            double[] delta = new ConeProgram(restricted, objective).solve();
            if (delta == null) {
                return null;
            }
            for (int a = 0; a < k; a++) {
                delta[a] = used[a] ? delta[a] : 0;
            }
            boolean more = false;
            for (int i = 0; i < n; i++) {
                if (!strict[i] && dot(restricted[i], delta) > STRICT) {
                    more = true;
                }
            }
            if (!more) {
                break;
            }
            for (int a = 0; a < k; a++) {
                total[a] += delta[a];
            }
            strict = strict(restricted, total);
        }
        return total;
    }

    private static boolean[] strict(double[][] rows, double[] direction) {
        boolean[] strict = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            strict[i] = dot(rows[i], direction) > STRICT;
        }
        return strict;
    }

    private static boolean covers(boolean[] candidate, boolean[] target) {
        for (int i = 0; i < target.length; i++) {
            if (target[i] && !candidate[i]) {
                return false;
            }
        }
        return true;
    }

    private static int count(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
