package org.mercato.sim.market.dynamics;

/**
 * A seller's fake-review campaign: {@code budget} reviews of {@code stars} for the service at
 * catalog index {@code service}, the first after an exponential gap of mean {@code meanGap} from 0
 * and each next one after another, drawn from {@code market/fake-reviews/<serviceId>}.
 */
public record FakeReviews(int service, int budget, long meanGap, int stars) {
    public FakeReviews {
        if (service < 0) {
            throw new IllegalArgumentException("service index must be >= 0, was " + service);
        }
        if (budget < 0) {
            throw new IllegalArgumentException("fake review budget must be >= 0, was " + budget);
        }
        if (meanGap <= 0) {
            throw new IllegalArgumentException("mean gap between fake reviews must be > 0, was " + meanGap);
        }
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("fake review stars must be 1 to 5, was " + stars);
        }
    }
}
