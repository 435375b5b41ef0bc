package org.mercato.sim.market.dynamics;

import java.util.List;

/**
 * Reviews: a delivered order is reviewed with {@code probability}; stars are {@code clamp(round(1 +
 * 4q + N(0, noise)), 1, 5)} for the delivered quality q. Displayed ratings aggregate by {@code
 * aggregation} and change as {@code refresh} says; {@code filter} (null: none) removes reviews;
 * {@code fakes} are sellers' fake-review campaigns. With {@code text} the customer of a reviewed
 * order is asked for the review's text ({@code OrderDelivered.reviewText}); an assistant that writes
 * one (LLM assistants do) adds a {@code review_text} event.
 */
public record Reviews(
        double probability,
        double noise,
        Aggregation aggregation,
        Refresh refresh,
        ReviewFilter filter,
        List<FakeReviews> fakes,
        boolean text) {

    /** Reviews without texts. */
    public Reviews(
            double probability,
            double noise,
            Aggregation aggregation,
            Refresh refresh,
            ReviewFilter filter,
            List<FakeReviews> fakes) {
        this(probability, noise, aggregation, refresh, filter, fakes, false);
    }

    public Reviews {
        checkProbability("review probability", probability);
        if (noise < 0 || Double.isNaN(noise)) {
            throw new IllegalArgumentException("review noise must be >= 0, was " + noise);
        }
        aggregation = aggregation == null ? new Aggregation.Mean() : aggregation;
        refresh = refresh == null ? Refresh.PERIOD : refresh;
        fakes = fakes == null ? List.of() : List.copyOf(fakes);
    }

    static void checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be within [0, 1], was " + p);
        }
    }
}
