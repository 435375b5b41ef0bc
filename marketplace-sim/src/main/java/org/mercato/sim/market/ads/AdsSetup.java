package org.mercato.sim.market.ads;

import java.util.List;
import java.util.Objects;

/** A run's sponsored slots: the settings and the advertisers (in catalog order). */
public record AdsSetup(AdsSettings settings, List<Advertiser> advertisers) {
    public AdsSetup {
        Objects.requireNonNull(settings, "settings");
        advertisers = List.copyOf(advertisers);
    }
}
