package org.mercato.sim.market.ads;

/**
 * Where an advertiser's quality comes from. {@code RATING}: rating / 5 (at least 0.01).
 * {@code OBSERVED}: its choice rate so far, (choices + 1) / (listings shown + 2) over every page
 * (organic and sponsored) and every payment, a Laplace-smoothed rate that starts at 1/2 and is a
 * function of the log up to the auction. {@code NONE}: 1 for everyone.
 */
public enum QualitySource {
    RATING,
    OBSERVED,
    NONE
}
