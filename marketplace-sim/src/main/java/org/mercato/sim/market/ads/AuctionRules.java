package org.mercato.sim.market.ads;

import java.util.ArrayList;
import java.util.List;

/**
 * What every mechanism needs besides the bids: how many slots are sold, the reserve price (cents
 * per billing unit; a bid below it does not take part, a price is never below it), the squashing
 * exponent σ (a bid's score is quality^σ × bid; σ = 0 ranks by bid alone) and each slot's weight
 * (its relative click-through rate, non-increasing; VCG values slot k at weight_k × score).
 */
public record AuctionRules(int slots, long reserve, double sigma, List<Double> slotWeights) {
    public AuctionRules {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, was " + slots);
        }
        if (reserve < 0) {
            throw new IllegalArgumentException("reserve must be >= 0, was " + reserve);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a number >= 0, was " + sigma);
        }
        slotWeights = slotWeights == null ? defaultWeights(slots) : List.copyOf(slotWeights);
        if (slotWeights.size() != slots) {
            throw new IllegalArgumentException(
                    "need one slot weight per slot (" + slots + "), got " + slotWeights.size());
        }
        double previous = Double.POSITIVE_INFINITY;
        for (double weight : slotWeights) {
            if (!(weight > 0) || weight > previous) {
                throw new IllegalArgumentException("slot weights must be > 0 and non-increasing, got " + slotWeights);
            }
            previous = weight;
        }
    }

    /** {@code slots} slots at reserve and σ given, weights 1/k. */
    public static AuctionRules of(int slots, long reserve, double sigma) {
        return new AuctionRules(slots, reserve, sigma, null);
    }

    /** Weight 1/k for slot k (from 1): a common position-decay assumption. */
    public static List<Double> defaultWeights(int slots) {
        List<Double> weights = new ArrayList<>(slots);
        for (int k = 1; k <= slots; k++) {
            weights.add(1.0 / k);
        }
        return weights;
    }

    public double weight(int slot) {
        return slotWeights.get(slot - 1);
    }

    /** quality^σ: the factor a bid's score and a squashed price are scaled by. */
    public double squash(double quality) {
        return sigma == 0 ? 1.0 : Math.pow(quality, sigma);
    }
}
