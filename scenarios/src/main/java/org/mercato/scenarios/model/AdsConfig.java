package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mercato.sim.domain.Money;
import org.mercato.sim.market.ads.AdPlacement;
import org.mercato.sim.market.ads.AdPricing;
import org.mercato.sim.market.ads.AdsSettings;
import org.mercato.sim.market.ads.AuctionMechanism;
import org.mercato.sim.market.ads.AuctionRules;
import org.mercato.sim.market.ads.QualitySource;

/**
 * Sponsored slots on the first results page ({@code market.ads}). {@code mechanism}: {@code gsp}
 * (default), {@code vcg}, {@code first-price} or {@code second-price}; {@code slots} (default 2);
 * {@code reserve} per billing unit (default 0); {@code sigma}, the quality squashing exponent
 * (default 1); {@code quality}: {@code rating} (default), {@code observed} or {@code none};
 * {@code pricing}: {@code per-choice} (default) or {@code per-impression}; {@code placement}:
 * {@code top} (default) or {@code interleaved} at {@code positions} (default 1, 4, 7, …);
 * {@code slotWeights} (relative click-through per slot, default 1/k); {@code budget}, each
 * advertiser's ad budget (default none); {@code bidders}, groups of services in catalog order with
 * their strategy (default: every service bids its value truthfully); {@code counterfactual}: also
 * run the same scenario and seed without ads and report the welfare difference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "mechanism",
    "slots",
    "reserve",
    "sigma",
    "quality",
    "pricing",
    "placement",
    "positions",
    "slotWeights",
    "budget",
    "bidders",
    "counterfactual"
})
public record AdsConfig(
        String mechanism,
        Integer slots,
        @JsonDeserialize(using = MoneyInput.Amount.class) BigDecimal reserve,
        Double sigma,
        Quality quality,
        Pricing pricing,
        Placement placement,
        List<Integer> positions,
        List<Double> slotWeights,
        @JsonDeserialize(using = MoneyInput.Amount.class) BigDecimal budget,
        List<BidderGroupConfig> bidders,
        Boolean counterfactual) {

    public enum Quality {
        @JsonProperty("rating")
        RATING,
        @JsonProperty("observed")
        OBSERVED,
        @JsonProperty("none")
        NONE
    }

    public enum Pricing {
        @JsonProperty("per-choice")
        PER_CHOICE,
        @JsonProperty("per-impression")
        PER_IMPRESSION
    }

    public enum Placement {
        @JsonProperty("top")
        TOP,
        @JsonProperty("interleaved")
        INTERLEAVED
    }

    public AdsConfig {
        mechanism = Objects.requireNonNullElse(mechanism, "gsp");
        if (!AuctionMechanism.NAMES.contains(mechanism)) {
            throw new IllegalArgumentException("mechanism expected one of " + String.join(", ", AuctionMechanism.NAMES)
                    + ", got '" + mechanism + "'");
        }
        slots = Objects.requireNonNullElse(slots, 2);
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, was " + slots);
        }
        reserve = Objects.requireNonNullElse(reserve, BigDecimal.ZERO);
        if (reserve.signum() < 0) {
            throw new IllegalArgumentException("reserve must be >= 0, was " + reserve.toPlainString());
        }
        sigma = Objects.requireNonNullElse(sigma, 1.0);
        if (!(sigma >= 0) || sigma.isInfinite()) {
            throw new IllegalArgumentException("sigma must be a number >= 0, was " + sigma);
        }
        quality = Objects.requireNonNullElse(quality, Quality.RATING);
        pricing = Objects.requireNonNullElse(pricing, Pricing.PER_CHOICE);
        placement = Objects.requireNonNullElse(placement, Placement.TOP);
        if (placement == Placement.TOP && positions != null) {
            throw new IllegalArgumentException("positions applies only to placement interleaved");
        }
        if (placement == Placement.INTERLEAVED) {
            positions = positions == null ? spread(slots) : List.copyOf(positions);
            if (positions.size() != slots) {
                throw new IllegalArgumentException(
                        "positions must give one page position per slot (" + slots + "), got " + positions);
            }
            int previous = 0;
            for (int position : positions) {
                if (position <= previous) {
                    throw new IllegalArgumentException("positions must be >= 1 and increasing, got " + positions);
                }
                previous = position;
            }
        }
        if (slotWeights != null) {
            slotWeights = List.copyOf(slotWeights);
            if (slotWeights.size() != slots) {
                throw new IllegalArgumentException(
                        "slotWeights must give one weight per slot (" + slots + "), got " + slotWeights);
            }
            double previous = Double.POSITIVE_INFINITY;
            for (double weight : slotWeights) {
                if (!(weight > 0) || weight > previous) {
                    throw new IllegalArgumentException(
                            "slotWeights must be > 0 and non-increasing, got " + slotWeights);
                }
                previous = weight;
            }
        }
        if (budget != null && budget.signum() < 0) {
            throw new IllegalArgumentException("budget must be >= 0, was " + budget.toPlainString());
        }
        bidders = bidders == null || bidders.isEmpty() ? List.of(BidderGroupConfig.TRUTHFUL) : List.copyOf(bidders);
        long open = bidders.stream().filter(b -> b.count() == null).count();
        if (open > 1) {
            throw new IllegalArgumentException("bidders: at most one group may leave out count");
        }
        counterfactual = Objects.requireNonNullElse(counterfactual, false);
        // Cents must be whole: fail here, at the key, rather than in the wiring.
        cents("reserve", reserve);
        if (budget != null) {
            cents("budget", budget);
        }
    }

    /** Positions 1, 4, 7, …: one ad every third place. */
    private static List<Integer> spread(int slots) {
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < slots; k++) {
            positions.add(1 + 3 * k);
        }
        return positions;
    }

    static long cents(String key, BigDecimal amount) {
        String problem = Money.problem(amount);
        if (problem != null) {
            throw new IllegalArgumentException(key + " " + problem);
        }
        try {
            return Money.cents(amount.toPlainString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    key + " must be an amount in whole cents, was " + amount.toPlainString());
        }
    }

    public long reserveCents() {
        return cents("reserve", reserve);
    }

    /** The advertiser budget in cents, or {@code Long.MAX_VALUE} for none. */
    public static long budgetCents(BigDecimal budget) {
        return budget == null ? Long.MAX_VALUE : cents("budget", budget);
    }

    public AdsSettings toModel() {
        return new AdsSettings(
                AuctionMechanism.named(mechanism),
                new AuctionRules(slots, reserveCents(), sigma, slotWeights),
                switch (quality) {
                    case RATING -> QualitySource.RATING;
                    case OBSERVED -> QualitySource.OBSERVED;
                    case NONE -> QualitySource.NONE;
                },
                pricing == Pricing.PER_IMPRESSION ? AdPricing.PER_IMPRESSION : AdPricing.PER_CHOICE,
                placement == Placement.TOP ? AdPlacement.top(slots) : AdPlacement.interleaved(positions));
    }
}
