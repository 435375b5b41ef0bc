package org.mercato.sim.market.ads;

import java.util.List;

/**
 * A sponsored-slot auction: a pure function of the bids and the rules. Every mechanism fills the
 * slots top down with the best eligible bids (at least the reserve), breaks ties by service id,
 * charges at most the bid and at least the reserve, and says what it charges per billing unit.
 */
public sealed interface AuctionMechanism
        permits FirstPriceAuction, SecondPriceAuction, GeneralizedSecondPrice, VcgAuction {

    /** The names a scenario uses, in documentation order. */
    List<String> NAMES = List.of("gsp", "vcg", "first-price", "second-price");

    /** The mechanism's name in scenarios and events. */
    String name();

    AuctionResult run(List<AdBid> bids, AuctionRules rules);

    static AuctionMechanism named(String name) {
        return switch (name) {
            case "gsp" -> new GeneralizedSecondPrice();
            case "vcg" -> new VcgAuction();
            case "first-price" -> new FirstPriceAuction();
            case "second-price" -> new SecondPriceAuction();
            default ->
                throw new IllegalArgumentException(
                        "unknown auction mechanism '" + name + "', expected one of " + String.join(", ", NAMES));
        };
    }
}
