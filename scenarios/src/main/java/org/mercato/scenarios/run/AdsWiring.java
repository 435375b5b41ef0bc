package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.ads.BiddingStrategies;
import org.mercato.scenarios.model.AdsConfig;
import org.mercato.scenarios.model.BidderGroupConfig;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.ads.AdPricing;
import org.mercato.sim.market.ads.AdsSettings;
import org.mercato.sim.market.ads.AdsSetup;
import org.mercato.sim.market.ads.Advertiser;

/**
 * Turns {@code market.ads} into the market's {@link AdsSetup}: bidder groups take services in
 * catalog order (a group without {@code count} takes the rest; services past the last group do not
 * advertise), each advertiser gets its strategy's bidder, its value and its budget.
 */
final class AdsWiring {
    /** Per impression, a bidder values a showing at a tenth of a choice (an assumed choice rate). */
    static final double IMPRESSION_SHARE = 0.1;

    private AdsWiring() {}

    static AdsSetup setup(AdsConfig ads, List<Service> services, long seed, long horizonMicros) {
        AdsSettings settings = ads.toModel();
        List<BidderGroupConfig> groups = ads.bidders();
        int fixed = 0;
        for (BidderGroupConfig group : groups) {
            fixed += group.count() == null ? 0 : group.count();
        }
        if (fixed > services.size()) {
            throw new IllegalArgumentException(
                    "ads.bidders ask for " + fixed + " services but the market has " + services.size());
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
