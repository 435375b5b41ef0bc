package org.mercato.sim.market.ads;

import java.util.Objects;

/** How sponsored slots are sold and shown: mechanism, rules, quality, billing and placement. */
public record AdsSettings(
        AuctionMechanism mechanism,
        AuctionRules rules,
        QualitySource quality,
        AdPricing pricing,
        AdPlacement placement) {
    public AdsSettings {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(pricing, "pricing");
        placement = placement == null ? AdPlacement.top(rules.slots()) : placement;
        if (placement.positions().size() != rules.slots()) {
            throw new IllegalArgumentException(
                    "need one ad position per slot (" + rules.slots() + "), got " + placement.positions());
        }
    }
}
