package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.mercato.agents.ads.BiddingStrategies;
import org.mercato.sim.domain.Money;

/**
 * How a group of advertisers bids: {@code count} services in catalog order (default: the rest),
 * {@code strategy} ({@code truthful}, {@code shaded}, {@code paced}, {@code learning}, or {@code
 * none} to buy no ads), {@code value} per billing unit (default: the service's mean menu margin,
 * price − unit cost, per choice; a tenth of it per impression), {@code shade} (shaded, default
 * 0.8), {@code factors} and {@code epsilon} (learning, default 0.5..1.0 by 0.1 and 0.1), and an
 * ad {@code budget} per service overriding {@code market.ads.budget}. A {@code paced} bidder spreads
 * its budget evenly over {@code kernel.horizon} (without a budget it bids its value).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"count", "strategy", "value", "shade", "factors", "epsilon", "budget"})
public record BidderGroupConfig(
        Integer count,
        String strategy,
        @JsonDeserialize(using = MoneyInput.Amount.class) BigDecimal value,
        Double shade,
        List<Double> factors,
        Double epsilon,
        @JsonDeserialize(using = MoneyInput.Amount.class) BigDecimal budget) {
    public static final String NONE = "none";

    public static final BidderGroupConfig TRUTHFUL = new BidderGroupConfig(null, null, null, null, null, null, null);

    public BidderGroupConfig {
        strategy = Objects.requireNonNullElse(strategy, "truthful");
        if (!strategy.equals(NONE) && !BiddingStrategies.NAMES.contains(strategy)) {
            throw new IllegalArgumentException("strategy expected one of " + String.join(", ", BiddingStrategies.NAMES)
                    + ", " + NONE + ", got '" + strategy + "'");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (value != null && Money.problem(value) != null) {
            throw new IllegalArgumentException("value " + Money.problem(value));
        }
        if (budget != null && Money.problem(budget) != null) {
            throw new IllegalArgumentException("budget " + Money.problem(budget));
        }
        if (shade != null && !strategy.equals("shaded")) {
            throw new IllegalArgumentException("shade applies only to strategy shaded");
        }
        if ((factors != null || epsilon != null) && !strategy.equals("learning")) {
            throw new IllegalArgumentException(
                    (factors != null ? "factors" : "epsilon") + " applies only to strategy learning");
        }
        if (strategy.equals("shaded")) {
            shade = Objects.requireNonNullElse(shade, 0.8);
            if (!(shade > 0 && shade <= 1)) {
                throw new IllegalArgumentException("shade must be within (0, 1], was " + shade);
            }
        }
        if (strategy.equals("learning")) {
            factors = List.copyOf(Objects.requireNonNullElse(factors, BiddingStrategies.DEFAULT_FACTORS));
            if (factors.isEmpty()) {
                throw new IllegalArgumentException("factors must list at least one shading factor");
            }
            for (double factor : factors) {
                if (!(factor > 0 && factor <= 1)) {
                    throw new IllegalArgumentException("factors must be within (0, 1], got " + factors);
                }
            }
            epsilon = Objects.requireNonNullElse(epsilon, 0.1);
            if (!(epsilon >= 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("epsilon must be within [0, 1], was " + epsilon);
            }
        }
    }
}
