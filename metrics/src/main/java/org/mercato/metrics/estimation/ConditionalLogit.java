package org.mercato.metrics.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * McFadden's conditional logit, P(j chosen in set s) = exp(x_sj·β) / Σ_k exp(x_sk·β), fitted by
 * Newton–Raphson with step halving once the data are known to have a finite, unique estimate (no
 * collinear covariates, no separation). Standard errors come from the inverse information matrix;
 * optionally also the cluster-robust (sandwich) estimate, I⁻¹ (Σ_g u_g u_gᵀ) I⁻¹ with u_g the
 * summed scores of cluster g, without a small-sample factor (as R's survival::clogit reports it).
 */
public final class ConditionalLogit {
    private final int maxIterations;
    private final double tolerance;

    public ConditionalLogit() {
        this(100, 1e-10);
    }

    public ConditionalLogit(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * Fits the model, or says why there is no estimate: covariates the data cannot tell apart
     * (checked at zero, where the information matrix's null space is already that of every
     * estimate), separated choices (checked exactly, see {@link Separation}), no convergence, or
     * an information matrix that is near-singular at the estimate.
     */
    public LogitFit fit(List<String> names, List<ChoiceSet> sets, boolean clusterRobust) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("no choice sets to fit");
        }
        int k = names.size();
        for (ChoiceSet set : sets) {
            if (set.x()[0].length != k) {
                throw new IllegalArgumentException(
                        "choice set " + set.id() + " has " + set.x()[0].length + " covariates, expected " + k);
            }
        }
        Outline outline = new Outline(names, sets, clusterRobust);
        double[] beta = new double[k];
        Pass pass = evaluate(sets, beta);
        double nullLogLikelihood = pass.logLikelihood;
        Identification.Problem collinear =
                Identification.check(names, pass.information, secondMoments(sets, k), "within choice sets");
        if (collinear != null) {
            return outline.without(
                    LogitFit.Status.SINGULAR, collinear.reason(), collinear.covariates(), nullLogLikelihood);
        }
        Separation.Result separation = Separation.find(sets, k);
        if (separation.found()) {
            LogitFit limit = separation.kind() == Separation.Kind.QUASI_COMPLETE
                    ? limit(names, sets, separation, outline, nullLogLikelihood)
                    : null;
            return limit != null
                    ? limit
                    : outline.without(
                            LogitFit.Status.SEPARATED,
                            separation.describe(names),
                            separation.covariates(names),
                            nullLogLikelihood);
        }
        boolean converged = false;
        int iteration = 0;
        try {
            while (iteration < maxIterations && !converged) {
                iteration++;
                double[] step = Matrices.solveSymmetric(pass.information, pass.gradient);
                double scale = 1;
                double[] candidate = new double[k];
                Pass next;
                do {
                    for (int i = 0; i < k; i++) {
                        candidate[i] = beta[i] + scale * step[i];
                    }
                    next = evaluate(sets, candidate);
                    scale /= 2;
                } while (next.logLikelihood < pass.logLikelihood - 1e-12 && scale > 1e-10);
                double change = next.logLikelihood - pass.logLikelihood;
                beta = candidate.clone();
                pass = next;
                converged = Math.abs(change) <= tolerance * (Math.abs(pass.logLikelihood) + tolerance)
                        && Matrices.maxAbs(pass.gradient) < 1e-6;
            }
        } catch (ArithmeticException e) {
            return outline.stopped(
                    "the information matrix became singular at Newton-Raphson iteration " + iteration,
                    beta,
                    pass.logLikelihood,
                    nullLogLikelihood,
                    iteration);
        }
        if (!converged) {
            return outline.stopped(
                    "Newton-Raphson did not converge in " + iteration + " iterations",
                    beta,
                    pass.logLikelihood,
                    nullLogLikelihood,
                    iteration);
        }
        Identification.Problem weak =
                Identification.check(names, pass.information, secondMoments(sets, k), "at the estimate");
        if (weak != null) {
            return outline.without(LogitFit.Status.SINGULAR, weak.reason(), weak.covariates(), nullLogLikelihood);
        }
        double[][] covariance = Matrices.inverseSymmetric(pass.information);
        double[][] robust = clusterRobust ? sandwich(sets, beta, covariance) : null;
        List<LogitFit.Coefficient> coefficients = new ArrayList<>(k);
        List<String> unstable = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double modelSe = Math.sqrt(covariance[i][i]);
            Double robustSe = robust == null ? null : Math.sqrt(robust[i][i]);
            double se = robustSe == null ? modelSe : robustSe;
            double z = beta[i] / se;
            if (!(modelSe > 0) || !Double.isFinite(modelSe) || !Double.isFinite(se) || !Double.isFinite(beta[i])) {
                unstable.add(names.get(i));
            }
            // a cluster-robust error can be 0 (every cluster's scores cancel, as with one cluster):
            // then z and p are not defined
            boolean defined = Double.isFinite(z);
            coefficients.add(new LogitFit.Coefficient(
                    names.get(i),
                    beta[i],
                    se,
                    defined ? z : null,
                    defined ? Normal.twoSidedP(z) : null,
                    modelSe,
                    robustSe));
        }
        if (!unstable.isEmpty() || !(pass.logLikelihood < 0) || !Double.isFinite(pass.logLikelihood)) {
            return outline.stopped(
                    "the estimate is numerically unstable (a log-likelihood of "
                            + pass.logLikelihood
                            + (unstable.isEmpty() ? "" : ", standard errors that are not finite numbers")
                            + ")",
                    beta,
                    pass.logLikelihood,
                    nullLogLikelihood,
                    iteration);
        }
        return outline.fit(coefficients, pass.logLikelihood, nullLogLikelihood, iteration);
    }

    /**
     * Under quasi-complete separation the log-likelihood rises along the separating direction
     * towards the conditional logit of the comparisons that direction leaves tied (each set cut to
     * its chosen alternative and those level with it). Covariates outside the direction have a
     * finite estimate there, which is fitted (as Stata does when it drops perfectly predicted
     * observations); the direction's own covariates are left out (those constant within every cut
     * set, then one more to remove the direction itself) and reported as null. Null when that
     * smaller fit has no estimate either.
     */
    private LogitFit limit(
            List<String> names,
            List<ChoiceSet> sets,
            Separation.Result separation,
            Outline outline,
            double nullLogLikelihood) {
        int k = names.size();
        List<ChoiceSet> cut = new ArrayList<>();
        int comparisons = 0;
        for (int s = 0; s < sets.size(); s++) {
            ChoiceSet set = sets.get(s);
            List<double[]> rows = new ArrayList<>();
            int chosen = -1;
            for (int j = 0; j < set.alternatives(); j++) {
                if (!separation.behind()[s][j]) {
                    chosen = j == set.chosen() ? rows.size() : chosen;
                    rows.add(set.x()[j]);
                }
            }
            if (rows.size() >= 2) {
                cut.add(new ChoiceSet(set.id(), set.cluster(), rows.toArray(new double[0][]), chosen));
                comparisons += rows.size() - 1;
            }
        }
        if (cut.isEmpty()) {
            return null;
        }
        double[] direction = separation.direction();
        boolean[] keep = new boolean[k];
        Integer normalised = null;
        for (int a = 0; a < k; a++) {
            keep[a] = direction[a] == 0 || !constantWithinEverySet(cut, a);
            if (keep[a] && direction[a] != 0 && normalised == null) {
                normalised = a;
            }
        }
        if (normalised != null) {
            keep[normalised] = false;
        }
        List<String> keptNames = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            if (keep[a]) {
                keptNames.add(names.get(a));
                kept.add(a);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        List<ChoiceSet> projected = new ArrayList<>(cut.size());
        for (ChoiceSet set : cut) {
            double[][] x = new double[set.alternatives()][kept.size()];
            for (int j = 0; j < x.length; j++) {
                for (int c = 0; c < kept.size(); c++) {
                    x[j][c] = set.x()[j][kept.get(c)];
                }
            }
            projected.add(new ChoiceSet(set.id(), set.cluster(), x, set.chosen()));
        }
        LogitFit inner = fit(keptNames, projected, outline.clusterRobust());
        if (!inner.converged()) {
            return null;
        }
        List<LogitFit.Coefficient> coefficients = new ArrayList<>(k);
        for (int a = 0; a < k; a++) {
            coefficients.add(
                    direction[a] != 0
                            ? LogitFit.Coefficient.bare(names.get(a), null)
                            : inner.coefficient(names.get(a)));
        }
        return new LogitFit(
                coefficients,
                inner.logLikelihood(),
                nullLogLikelihood,
                1 - inner.logLikelihood() / nullLogLikelihood,
                sets.size(),
                outline.alternatives(),
                outline.clusters(),
                inner.iterations(),
                LogitFit.Status.SEPARATED,
                separation.describe(names)
                        + "; the other coefficients are their limits, fitted to the "
                        + comparisons
                        + " comparisons it leaves tied",
                separation.covariates(names),
                outline.standardErrors());
    }

    private static boolean constantWithinEverySet(List<ChoiceSet> sets, int a) {
        for (ChoiceSet set : sets) {
            for (double[] row : set.x()) {
                if (row[a] != set.x()[0][a]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What every fit reports about its data, and how fits that did not converge look. */
    private record Outline(List<String> names, List<ChoiceSet> sets, boolean clusterRobust) {
        int alternatives() {
            int alternatives = 0;
            for (ChoiceSet set : sets) {
                alternatives += set.alternatives();
            }
            return alternatives;
        }

        Integer clusters() {
            return clusterRobust ? ConditionalLogit.clusters(sets).size() : null;
        }

        String standardErrors() {
            return clusterRobust ? "cluster-robust" : "model";
        }

        LogitFit fit(List<LogitFit.Coefficient> coefficients, double logLikelihood, double nullLogLikelihood, int n) {
            return new LogitFit(
                    coefficients,
                    logLikelihood,
                    nullLogLikelihood,
                    1 - logLikelihood / nullLogLikelihood,
                    sets.size(),
                    alternatives(),
                    clusters(),
                    n,
                    LogitFit.Status.CONVERGED,
                    null,
                    null,
                    standardErrors());
        }

        /** No estimate at all: every coefficient and the log-likelihood at the estimate are null. */
        LogitFit without(LogitFit.Status status, String reason, List<String> causes, double nullLogLikelihood) {
            List<LogitFit.Coefficient> coefficients = new ArrayList<>();
            for (String name : names) {
                coefficients.add(LogitFit.Coefficient.bare(name, null));
            }
            return new LogitFit(
                    coefficients,
                    null,
                    nullLogLikelihood,
                    null,
                    sets.size(),
                    alternatives(),
                    clusters(),
                    0,
                    status,
                    reason,
                    causes,
                    standardErrors());
        }

        /** Newton–Raphson stopped: the last iterate's coefficients and log-likelihood, no inference. */
        LogitFit stopped(String reason, double[] beta, double logLikelihood, double nullLogLikelihood, int n) {
            List<LogitFit.Coefficient> coefficients = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                coefficients.add(LogitFit.Coefficient.bare(names.get(i), finite(beta[i])));
            }
            Double ll = finite(logLikelihood);
            return new LogitFit(
                    coefficients,
                    ll,
                    nullLogLikelihood,
                    ll == null || nullLogLikelihood == 0 ? null : finite(1 - ll / nullLogLikelihood),
                    sets.size(),
                    alternatives(),
                    clusters(),
                    n,
                    LogitFit.Status.NOT_CONVERGED,
                    reason,
                    null,
                    standardErrors());
        }

        private static Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }

    /** Σ over sets of the mean of x² across alternatives, per covariate: the scale of "zero" variation. */
    private static double[] secondMoments(List<ChoiceSet> sets, int k) {
        double[] moments = new double[k];
        for (ChoiceSet set : sets) {
            for (double[] row : set.x()) {
                for (int a = 0; a < k; a++) {
                    moments[a] += row[a] * row[a] / set.x().length;
                }
            }
        }
        return moments;
    }

    /** Log-likelihood, gradient and information (negative Hessian) at beta. */
    private record Pass(double logLikelihood, double[] gradient, double[][] information) {}

    private static Pass evaluate(List<ChoiceSet> sets, double[] beta) {
        int k = beta.length;
        double logLikelihood = 0;
        double[] gradient = new double[k];
        double[][] information = new double[k][k];
        for (ChoiceSet set : sets) {
            double[][] x = set.x();
            double[] p = probabilities(x, beta);
            logLikelihood += Math.log(p[set.chosen()]);
            double[] mean = weightedMean(x, p);
            for (int a = 0; a < k; a++) {
                gradient[a] += x[set.chosen()][a] - mean[a];
            }
            for (int j = 0; j < x.length; j++) {
                for (int a = 0; a < k; a++) {
                    double da = x[j][a] - mean[a];
                    for (int b = a; b < k; b++) {
                        information[a][b] += p[j] * da * (x[j][b] - mean[b]);
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                information[a][b] = information[b][a];
            }
        }
        return new Pass(logLikelihood, gradient, information);
    }

    /** Choice probabilities, computed stably by subtracting the largest utility. */
    static double[] probabilities(double[][] x, double[] beta) {
        double[] u = new double[x.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < x.length; j++) {
            double v = 0;
            for (int a = 0; a < beta.length; a++) {
                v += x[j][a] * beta[a];
            }
            u[j] = v;
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            u[j] = Math.exp(u[j] - max);
            sum += u[j];
        }
        for (int j = 0; j < x.length; j++) {
            u[j] /= sum;
        }
        return u;
    }

    private static double[] weightedMean(double[][] x, double[] p) {
        double[] mean = new double[x[0].length];
        for (int j = 0; j < x.length; j++) {
            for (int a = 0; a < mean.length; a++) {
                mean[a] += p[j] * x[j][a];
            }
        }
        return mean;
    }

    private static Map<String, double[]> clusters(List<ChoiceSet> sets) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (ChoiceSet set : sets) {
            scores.computeIfAbsent(set.cluster(), c -> new double[set.x()[0].length]);
        }
        return scores;
    }

    private static double[][] sandwich(List<ChoiceSet> sets, double[] beta, double[][] covariance) {
        int k = beta.length;
        Map<String, double[]> scores = clusters(sets);
        for (ChoiceSet set : sets) {
            double[] p = probabilities(set.x(), beta);
            double[] mean = weightedMean(set.x(), p);
            double[] u = scores.get(set.cluster());
            for (int a = 0; a < k; a++) {
                u[a] += set.x()[set.chosen()][a] - mean[a];
            }
        }
        double[][] meat = new double[k][k];
        for (double[] u : scores.values()) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    meat[a][b] += u[a] * u[b];
                }
            }
        }
        return Matrices.multiply(Matrices.multiply(covariance, meat), covariance);
    }
}
