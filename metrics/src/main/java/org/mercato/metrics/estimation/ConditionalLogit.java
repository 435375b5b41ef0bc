package org.mercato.metrics.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * McFadden's conditional logit, P(j chosen in set s) = exp(x_sj·β) / Σ_k exp(x_sk·β), fitted by
 * Newton–Raphson with step halving. Standard errors come from the inverse information matrix;
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
        double[] beta = new double[k];
        Pass pass = evaluate(sets, beta);
        double nullLogLikelihood = pass.logLikelihood;
        boolean converged = false;
        int iteration = 0;
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
        double[][] covariance = Matrices.inverseSymmetric(pass.information);
        double[][] robust = clusterRobust ? sandwich(sets, beta, covariance) : null;
        List<LogitFit.Coefficient> coefficients = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double modelSe = Math.sqrt(covariance[i][i]);
            Double robustSe = robust == null ? null : Math.sqrt(robust[i][i]);
            double se = robustSe == null ? modelSe : robustSe;
            double z = beta[i] / se;
            coefficients.add(
                    new LogitFit.Coefficient(names.get(i), beta[i], se, z, Normal.twoSidedP(z), modelSe, robustSe));
        }
        int alternatives = 0;
        for (ChoiceSet set : sets) {
            alternatives += set.alternatives();
        }
        return new LogitFit(
                coefficients,
                pass.logLikelihood,
                nullLogLikelihood,
                1 - pass.logLikelihood / nullLogLikelihood,
                sets.size(),
                alternatives,
                clusterRobust ? clusters(sets).size() : null,
                iteration,
                converged,
                clusterRobust ? "cluster-robust" : "model");
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
