package org.mercato.sim.market.dynamics;

/**
 * Return visits: after a visit ends (the customer's {@code Done}), the next one starts a gap later,
 * drawn from {@code market/returns/<customerId>/<visit>}: exponential with mean {@code meanGap}, or
 * exactly {@code meanGap} when not {@code exponential}.
 */
public record Returns(long meanGap, boolean exponential) {
    public Returns {
        if (meanGap <= 0) {
            throw new IllegalArgumentException("the mean gap between visits must be > 0, was " + meanGap);
        }
    }
}
