package org.mercato.scenarios.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.ads.BiddingStrategies;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.MetricsSettings;
import org.mercato.metrics.ads.AdsFold;
import org.mercato.metrics.ads.AdsMetrics;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.AdsConfig;
import org.mercato.scenarios.model.BidderGroupConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.Simulation;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.market.ads.AdPricing;
import org.mercato.sim.market.ads.AdsSettings;
import org.mercato.sim.market.ads.AdsSetup;
import org.mercato.sim.market.ads.Advertiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sponsored slots ({@code market.ads}): the market's {@link AdsSetup}, where bidder groups take
 * services in catalog order (a group without {@code count} takes the rest; services past the last
 * group do not advertise) and each advertiser gets its strategy's bidder, its value and its budget.
 * Its block {@code ads} folds the ad auctions and charges ({@link AdsFold}); with {@code
 * market.ads.counterfactual} the same scenario and seed also run without ads after the run (metrics
 * only, nothing written) for the welfare difference, their model calls counted in the cost block as
 * groups marked "(counterfactual)".
 */
public final class AdsFeature implements RunFeature {
    private static final Logger log = LoggerFactory.getLogger(AdsFeature.class);

    /** Per impression, a bidder values a showing at a tenth of a choice (an assumed choice rate). */
    static final double IMPRESSION_SHARE = 0.1;

    private AdsConfig config;
    private MarketWiring market;
    private BigDecimal counterfactualWelfare;

    @Override
    public void wireMarket(MarketWiring market) {
        this.market = market;
        config = market.scenario().market().ads();
        if (config != null) {
            market.ads(setup(
                    config,
                    market.catalog().services(),
                    market.scenario().seed(),
                    market.kernel().horizon()));
        }
    }

    /** The run without ads, for the welfare difference (when {@code market.ads.counterfactual}). */
    @Override
    public void afterRun(LiveRun run) {
        if (config == null || !config.counterfactual()) {
            return;
        }
        Scenario scenario = run.scenario();
        Scenario without = scenario.withMarket(scenario.market().withoutAds());
        MetricsCollector baseline = new MetricsCollector(MetricsSettings.NO_BASELINES);
        try (WiredRun wired = WiredRun.wire(without, run.environment())) {
            Simulation.run(wired.setup(), List.of(baseline), KernelListener.NONE);
            wired.close();
            List<LlmGroup> groups = new ArrayList<>();
            wired.market()
                    .llm()
                    .groups()
                    .forEach(g -> groups.add(new LlmGroup(
                            g.role(), g.index(), g.policy() + " (counterfactual)", g.agents(), g.client())));
            market.llm().addCounted(groups);
        }
        log.info("counterfactual run without ads finished");
        counterfactualWelfare = baseline.metrics().surplus().totalWelfare();
    }

    @Override
    public List<SummaryPart> summaryParts(SummaryContext context) {
        if (context.live() && config == null) {
            return List.of();
        }
        AdsFold fold = new AdsFold();
        return List.of(SummaryFold.over("ads", fold, source -> block(fold, context.live(), source)));
    }

    /**
     * The {@code ads} block: in a live run with ads always, in {@code mercato report} when the log
     * has ad events (the counterfactual carried over from the old summary: it cannot be recomputed
     * from one log).
     */
    private Object block(AdsFold fold, boolean live, SummarySource source) {
        if (live) {
            AdsMetrics result = fold.result();
            if (counterfactualWelfare == null) {
                return result;
            }
            MarketMetrics withAds = source.block("market", MarketMetrics.class);
            return result.withCounterfactual(
                    AdsMetrics.Counterfactual.of(withAds.surplus().totalWelfare(), counterfactualWelfare));
        }
        if (!fold.sawAds()) {
            return null;
        }
        return fold.result()
                .withCounterfactual(source.carried(AdsMetrics.Counterfactual.class, "ads", "counterfactual"));
    }

    static AdsSetup setup(AdsConfig ads, List<Service> services, long seed, long horizonMicros) {
        AdsSettings settings = ads.toModel();
        List<BidderGroupConfig> groups = ads.bidders();
        int fixed = 0;
        for (BidderGroupConfig group : groups) {
            fixed += group.count() == null ? 0 : group.count();
        }
        if (fixed > services.size()) {
            throw new WiringException(
                    KeyPath.of("market", "ads", "bidders"),
                    "the bidder groups ask for " + fixed + " services but the market has " + services.size());
        }
        List<Advertiser> advertisers = new ArrayList<>();
        int next = 0;
        for (BidderGroupConfig group : groups) {
            int count = group.count() == null ? services.size() - fixed : group.count();
            for (int i = 0; i < count; i++) {
                Service service = services.get(next++);
                if (group.strategy().equals(BidderGroupConfig.NONE)) {
                    continue;
                }
                long budget = AdsConfig.budgetCents(group.budget() != null ? group.budget() : ads.budget());
                long value = group.value() != null
                        ? Money.cents(group.value().toPlainString())
                        : defaultValue(service, settings.pricing());
                var params = new BiddingStrategies.Params(
                        service.id(),
                        value,
                        budget,
                        group.shade() == null ? 1.0 : group.shade(),
                        horizonMicros,
                        group.factors(),
                        group.epsilon() == null ? 0 : group.epsilon(),
                        seed);
                advertisers.add(
                        new Advertiser(service.id(), budget, BiddingStrategies.create(group.strategy(), params)));
            }
        }
        return new AdsSetup(settings, advertisers);
    }

    /** The mean margin (price − unit cost) over the menu per choice, a tenth of it per impression. */
    static long defaultValue(Service service, AdPricing pricing) {
        if (service.menu().isEmpty()) {
            return 0;
        }
        long margin = 0;
        for (var item : service.menu().entrySet()) {
            margin += Math.max(0, item.getValue() - service.unitCost(item.getKey()));
        }
        double perChoice = margin / (double) service.menu().size();
        return Math.round(pricing == AdPricing.PER_IMPRESSION ? perChoice * IMPRESSION_SHARE : perChoice);
    }
}
