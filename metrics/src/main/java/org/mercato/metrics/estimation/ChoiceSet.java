package org.mercato.metrics.estimation;

import java.util.Objects;

/**
 * One choice situation: the covariates of every alternative ({@code x[alternative][covariate]}),
 * which alternative was chosen, and the cluster (for example the customer) it belongs to.
 */
public record ChoiceSet(String id, String cluster, double[][] x, int chosen) {
    public ChoiceSet {
        Objects.requireNonNull(id, "id");
        cluster = cluster == null ? id : cluster;
        if (x.length < 1) {
            throw new IllegalArgumentException("choice set " + id + " has no alternatives");
        }
        if (chosen < 0 || chosen >= x.length) {
            throw new IllegalArgumentException("choice set " + id + " has no chosen alternative");
        }
        int k = x[0].length;
        for (double[] row : x) {
            if (row.length != k) {
                throw new IllegalArgumentException("choice set " + id + " has alternatives of different widths");
            }
            for (double value : row) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("choice set " + id + " has a covariate that is not a number");
                }
            }
        }
    }

    public int alternatives() {
        return x.length;
    }
}
