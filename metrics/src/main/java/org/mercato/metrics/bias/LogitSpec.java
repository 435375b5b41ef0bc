package org.mercato.metrics.bias;

import java.util.List;
import java.util.Set;

/**
 * What the page-choice conditional logit estimates. {@code covariates}, in order: {@code position}
 * (row and column dummies on a grid, else rank dummies), {@code rank}, {@code row}, {@code column},
 * {@code logPrice}, {@code rating}, {@code logReviews}, {@code tags} (a dummy per badge seen) or one
 * badge as {@code tag:<name>}. {@code productEffects}: a dummy per product (service) but the first,
 * placed before the covariates, so a covariate that is constant per product (a rating that never
 * changes) is left out as collinear rather than the product dummies. {@code clusterByCustomer}:
 * standard errors clustered by customer (else from the information matrix).
 */
public record LogitSpec(List<String> covariates, boolean productEffects, boolean clusterByCustomer) {
    public static final Set<String> KNOWN =
            Set.of("position", "rank", "row", "column", "logPrice", "rating", "logReviews", "tags");

    /** Position, price, rating, reviews and every badge, clustered by customer. */
    public static final LogitSpec DEFAULT =
            new LogitSpec(List.of("position", "logPrice", "rating", "logReviews", "tags"), false, true);

    public LogitSpec {
        covariates = List.copyOf(covariates);
        if (covariates.isEmpty()) {
            throw new IllegalArgumentException("covariates: name at least one of " + known());
        }
        for (String name : covariates) {
            if (!KNOWN.contains(name) && !(name.startsWith("tag:") && name.length() > 4)) {
                throw new IllegalArgumentException("covariates: unknown '" + name + "'; known: " + known());
            }
        }
    }

    static String known() {
        return "position, rank, row, column, logPrice, rating, logReviews, tags, tag:<badge>";
    }
}
