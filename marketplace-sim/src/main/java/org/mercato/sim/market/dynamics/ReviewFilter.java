package org.mercato.sim.market.dynamics;

/**
 * A platform's review filter: removes a fake review with probability {@code detect} and a genuine
 * one with probability {@code falsePositive}.
 */
public record ReviewFilter(double detect, double falsePositive) {
    public ReviewFilter {
        Reviews.checkProbability("filter detect", detect);
        Reviews.checkProbability("filter falsePositive", falsePositive);
    }
}
