package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The market: exactly one source, either {@code generate} (a seeded generator), explicit {@code
 * services} and {@code customers} lists, or {@code magentic} (a Magentic Marketplace dataset
 * folder holding {@code businesses/} and {@code customers/}; a relative path is resolved against
 * the scenario file's folder when the scenario is loaded), plus the search settings, how results
 * pages are presented, when proposals are revealed and the sponsored slots ({@code ads}, none
 * unless given); optionally {@code strategyAuction}, tasks the customers post for strategy auctions
 * (SALE) after the shopping market has run; optionally {@code dynamics}, a market that lives over
 * time ({@link DynamicsConfig}); optionally {@code pricing}, sellers that learn prices ({@link
 * PricingConfig}: with its analytic logit demand the market source may be left out, and the market is
 * then empty).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "generate",
    "services",
    "customers",
    "magentic",
    "search",
    "presentation",
    "reveal",
    "ads",
    "strategyAuction",
    "dynamics",
    "pricing"
})
public record MarketConfig(
        GeneratorConfig generate,
        List<ServiceConfig> services,
        List<CustomerConfig> customers,
        SearchConfig search,
        String magentic,
        PresentationConfig presentation,
        RevealConfig reveal,
        AdsConfig ads,
        StrategyAuctionConfig strategyAuction,
        DynamicsConfig dynamics,
        PricingConfig pricing) {
    public MarketConfig {
        if (pricing != null
                && pricing.logitDemand()
                && generate == null
                && magentic == null
                && services == null
                && customers == null) {
            // the analytic pricing engine needs no shopping market: an empty one runs in no time
            services = List.of();
            customers = List.of();
        }
        if (pricing != null && !pricing.logitDemand() && (dynamics == null || dynamics.period() == null)) {
            throw new IllegalArgumentException("pricing demand: agents reprices at period boundaries and needs"
                    + " market.dynamics with a period (e.g. dynamics: {horizon: 30d, period: 1d})");
        }
        boolean explicit = services != null || customers != null;
        if (magentic != null && magentic.isBlank()) {
            throw new IllegalArgumentException("magentic must name a dataset folder");
        }
        if (magentic != null && (generate != null || explicit)) {
            throw new IllegalArgumentException(
                    "give exactly one market source: generate, services and customers, or magentic");
        }
        if (generate != null && explicit) {
            throw new IllegalArgumentException("give either generate or services and customers, not both");
        }
        if (generate == null && magentic == null && (services == null || customers == null)) {
            throw new IllegalArgumentException("give either generate or both services and customers (or magentic;"
                    + " none with pricing.demand: logit)");
        }
        services = services == null ? null : List.copyOf(services);
        customers = customers == null ? null : List.copyOf(customers);
        search = Objects.requireNonNullElse(search, SearchConfig.DEFAULT);
        presentation = Objects.requireNonNullElse(presentation, PresentationConfig.DEFAULT);
        reveal = Objects.requireNonNullElse(reveal, RevealConfig.DEFAULT);
        if (ads != null
                && presentation.mode() == PresentationConfig.Mode.FULL
                && presentation.sponsored().probability() > 0) {
            throw new IllegalArgumentException("ads: the auction's winners carry the 'sponsored' badge, and"
                    + " presentation.sponsored would add random ones too; set presentation.sponsored:"
                    + " {probability: 0} to study the auction");
        }
        if (ads != null && ads.slots() > search.pageSize()) {
            throw new IllegalArgumentException("ads.slots (" + ads.slots() + ") must be at most search.pageSize ("
                    + search.pageSize() + "): the ads share the first results page");
        }
        if (presentation.cells() > 0 && presentation.cells() != search.pageSize()) {
            throw new IllegalArgumentException("presentation grid of " + presentation.rows() + " x "
                    + presentation.columns() + " holds " + presentation.cells() + " listings but search.pageSize is "
                    + search.pageSize() + "; set market.search.pageSize to " + presentation.cells());
        }
    }

    /** A market from a generator or from listed services and customers. */
    public MarketConfig(
            GeneratorConfig generate,
            List<ServiceConfig> services,
            List<CustomerConfig> customers,
            SearchConfig search) {
        this(generate, services, customers, search, null, null, null, null, null, null, null);
    }

    /** A market read from a Magentic dataset folder. */
    public static MarketConfig magentic(String folder, SearchConfig search) {
        return new MarketConfig(null, null, null, search, folder, null, null, null, null, null, null);
    }

    /** The same market reading its Magentic dataset from {@code folder}. */
    public MarketConfig withMagentic(String folder) {
        return new MarketConfig(
                generate,
                services,
                customers,
                search,
                folder,
                presentation,
                reveal,
                ads,
                strategyAuction,
                dynamics,
                pricing);
    }

    /** The same market without sponsored slots (for the counterfactual run). */
    public MarketConfig withoutAds() {
        return new MarketConfig(
                generate,
                services,
                customers,
                search,
                magentic,
                presentation,
                reveal,
                null,
                strategyAuction,
                dynamics,
                pricing);
    }

    /** The same market with other dynamics (null: one shopping round, as without the section). */
    public MarketConfig withDynamics(DynamicsConfig newDynamics) {
        return new MarketConfig(
                generate,
                services,
                customers,
                search,
                magentic,
                presentation,
                reveal,
                ads,
                strategyAuction,
                newDynamics,
                pricing);
    }
}
