package org.mercato.agents.assistant;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyParams;

/**
 * What a returning shopper remembers of the sellers it bought from: a score per seller, the
 * delivered quality of its orders weighted exponentially, {@code score = weight · q + (1 − weight)
 * · score} (the first delivery sets it). Its {@link Rules} make it a loyalty and learning rule: a
 * seller scoring at least {@code keep} is asked first on the next visit, one scoring below {@code
 * avoid} is skipped. One instance per shopper; {@link #none()} remembers nothing and keeps and
 * avoids no one (a shopper without {@code memory} behaves as if it had never bought).
 */
public final class SellerMemory {
    /** The parameter that turns memory on: {@code memory: {keep: 0.8, avoid: 0.5, weight: 0.5}}. */
    public static final String PARAM = "memory";

    private static final Set<String> KEYS = Set.of("keep", "avoid", "weight");

    /**
     * The thresholds and the weight of the newest delivery, each in [0, 1] ({@code weight} above
     * 0), {@code avoid} at most {@code keep}.
     */
    public record Rules(double keep, double avoid, double weight) {
        public static final Rules DEFAULTS = new Rules(0.8, 0.5, 0.5);

        public Rules {
            if (!(keep >= 0 && keep <= 1)) {
                throw new IllegalArgumentException("keep must lie in [0, 1], got " + keep);
            }
            if (!(avoid >= 0 && avoid <= 1)) {
                throw new IllegalArgumentException("avoid must lie in [0, 1], got " + avoid);
            }
            if (avoid > keep) {
                throw new IllegalArgumentException(
                        "avoid must be at most keep, got avoid " + avoid + " > keep " + keep);
            }
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("weight must lie in (0, 1], got " + weight);
            }
        }

        /**
         * The rules a policy's {@code memory} parameter gives (defaults for keys left out), or null
         * when it is absent; a bad value is an {@link InvalidParameterException} at {@code memory}.
         */
        public static Rules from(PolicyParams params) {
            if (!params.has(PARAM)) {
                return null;
            }
            Map<String, Double> given = params.doubleMap(PARAM, KEYS);
            try {
                return new Rules(
                        given.getOrDefault("keep", DEFAULTS.keep()),
                        given.getOrDefault("avoid", DEFAULTS.avoid()),
                        given.getOrDefault("weight", DEFAULTS.weight()));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(params.policy(), PARAM, e.getMessage());
            }
        }
    }

    private final Rules rules;
    private final Map<String, Double> scores;

    private SellerMemory(Rules rules) {
        this.rules = rules;
        // a memory that remembers nothing holds no map: a million shoppers
        this.scores = rules == null ? Collections.emptyNavigableMap() : new TreeMap<>();
    }

    /** A fresh memory following {@code rules}; {@link #none()} when they are null. */
    public static SellerMemory of(Rules rules) {
        return new SellerMemory(rules);
    }

    /** A memory that remembers nothing. */
    public static SellerMemory none() {
        return new SellerMemory(null);
    }

    /** Whether this memory remembers at all. */
    public boolean isOn() {
        return rules != null;
    }

    /** An order from {@code service} was delivered at {@code quality} (in [0, 1]). */
    public void delivered(String service, double quality) {
        if (rules == null || Double.isNaN(quality)) {
            return;
        }
        double q = Math.max(0, Math.min(1, quality));
        scores.merge(service, q, (old, now) -> rules.weight() * now + (1 - rules.weight()) * old);
    }

    /** The seller's score, empty when nothing of it was delivered. */
    public OptionalDouble score(String service) {
        Double score = scores.get(service);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    /** Whether the shopper skips {@code service}: it scores below {@code avoid}. */
    public boolean avoids(String service) {
        Double score = scores.get(service);
        return score != null && score < rules.avoid();
    }

    /** The seller to ask first: the highest score of at least {@code keep}, the smaller id on ties; or null. */
    public String favourite() {
        String best = null;
        double bestScore = -1;
        for (Map.Entry<String, Double> entry : scores.entrySet()) {
            if (entry.getValue() >= rules.keep() && entry.getValue() > bestScore) {
                best = entry.getKey();
                bestScore = entry.getValue();
            }
        }
        return best;
    }
}
