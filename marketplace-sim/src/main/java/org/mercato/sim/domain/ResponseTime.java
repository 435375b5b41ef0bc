package org.mercato.sim.domain;

/**
 * How fast a service typically answers, in virtual microseconds: at least {@code min}, plus a
 * log-normal part with the given median and log-scale sigma.
 */
public record ResponseTime(long min, long median, double sigma) {
    public ResponseTime {
        if (min < 0 || median <= 0 || sigma < 0) {
            throw new IllegalArgumentException("response time needs min >= 0, median > 0, sigma >= 0");
        }
    }
}
