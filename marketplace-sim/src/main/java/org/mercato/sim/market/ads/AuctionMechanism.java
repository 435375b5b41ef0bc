package org.mercato.sim.market.ads;

import java.util.List;
import org.mercato.sim.registry.Registry;

/**
 * A sponsored-slot auction: a pure function of the bids and the rules. Every mechanism fills the
 * slots top down with the best eligible bids (at least the reserve), breaks ties by service id,
 * charges at most the bid and at least the reserve, and says what it charges per billing unit.
 */
public sealed interface AuctionMechanism
        permits FirstPriceAuction, SecondPriceAuction, GeneralizedSecondPrice, VcgAuction {

    /** Every mechanism, in documentation order; each is a stateless value, so one instance serves all runs. */
    Registry<AuctionMechanism> REGISTRY = Registry.of(
            "auction mechanism",
            AuctionMechanism::name,
            List.of(new GeneralizedSecondPrice(), new VcgAuction(), new FirstPriceAuction(), new SecondPriceAuction()));

    /** The names a scenario uses, in documentation order. */
    List<String> NAMES = REGISTRY.names();

    /** The mechanism's name in scenarios and events (written only here, on each mechanism). */
    String name();

    AuctionResult run(List<AdBid> bids, AuctionRules rules);

    static AuctionMechanism named(String name) {
        return REGISTRY.get(name);
    }
}
