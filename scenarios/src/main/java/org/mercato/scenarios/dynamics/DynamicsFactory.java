package org.mercato.scenarios.dynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.ArrivalsConfig;
import org.mercato.scenarios.model.DynamicsConfig;
import org.mercato.scenarios.model.FakeReviewsConfig;
import org.mercato.scenarios.model.QualityConfig;
import org.mercato.scenarios.model.RestockConfig;
import org.mercato.scenarios.model.ReturnsConfig;
import org.mercato.scenarios.model.ReviewsConfig;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.dynamics.Aggregation;
import org.mercato.sim.market.dynamics.FakeReviews;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Refresh;
import org.mercato.sim.market.dynamics.Restock;
import org.mercato.sim.market.dynamics.Returns;
import org.mercato.sim.market.dynamics.ReviewFilter;
import org.mercato.sim.market.dynamics.Reviews;
import org.mercato.sim.market.dynamics.ServiceQuality;

/**
 * The {@link MarketDynamics} a scenario's {@code market.dynamics} section asks for, over the run's
 * catalog: arrival times, the quality schedule (over-promisers chosen from seeded streams), reviews
 * with the fake-review campaigns, returns and restocking. An unknown service id is a {@link
 * WiringException} at its key.
 */
public final class DynamicsFactory {
    static final KeyPath KEY = KeyPath.of("market", "dynamics");

    private DynamicsFactory() {}

    public static MarketDynamics create(DynamicsConfig config, long seed, Catalog catalog) {
        long horizon = config.horizon().micros();
        List<Integer> overPromisers =
                config.quality() == null || config.quality().overPromisers() == null
                        ? List.of()
                        : Sellers.overPromisers(
                                seed,
                                catalog.services(),
                                config.quality().overPromisers().share());
        return new MarketDynamics(
                arrivals(config.arrivals(), seed, catalog.customers(), horizon),
                config.periodMicros(),
                horizon,
                returns(config.returns()),
                config.deliveryMicros(),
                quality(config.quality(), catalog.services(), overPromisers),
                reviews(config.reviews(), config.fakeReviews(), catalog.services(), overPromisers),
                restock(config.restock()),
                null);
    }

    /**
     * The catalog with the stock {@code restock.capacity} gives every service listed without a
     * limit; the catalog itself when there is none to give.
     */
    public static Catalog withStock(DynamicsConfig config, Catalog catalog) {
        RestockConfig restock = config.restock();
        if (restock == null || restock.capacity() == null) {
            return catalog;
        }
        List<Service> services = new ArrayList<>();
        for (Service s : catalog.services()) {
            services.add(s.capacity() == 0 ? s.withCapacity(restock.capacity()) : s);
        }
        return new Catalog(services, catalog.customers());
    }

    static long[] arrivals(ArrivalsConfig arrivals, long seed, List<Customer> customers, long horizon) {
        if (arrivals == null) {
            return null;
        }
        List<String> ids = customers.stream().map(Customer::id).toList();
        if (arrivals.rate() != null) {
            return ArrivalTimes.poisson(seed, ids, arrivals.ratePerMicro(), horizon);
        }
        if (arrivals.hourly() != null) {
            double[] perHour =
                    arrivals.hourly().stream().mapToDouble(Double::doubleValue).toArray();
            return ArrivalTimes.hourly(seed, ids, perHour, horizon);
        }
        return ArrivalTimes.trace(ArrivalTrace.read(Path.of(arrivals.trace())), ids.size(), horizon);
    }

    private static Returns returns(ReturnsConfig returns) {
        return returns == null
                ? null
                : new Returns(
                        returns.every().micros(), returns.distribution() == ReturnsConfig.Distribution.EXPONENTIAL);
    }

    static ServiceQuality quality(QualityConfig quality, List<Service> services, List<Integer> overPromisers) {
        if (quality == null) {
            return ServiceQuality.FULL;
        }
        Map<String, Integer> index = indexOf(services);
        Map<Integer, TreeMap<Long, Double>> steps = new TreeMap<>();
        if (quality.overPromisers() != null) {
            QualityConfig.OverPromisersConfig bad = quality.overPromisers();
            for (int s : overPromisers) {
                steps.computeIfAbsent(s, k -> new TreeMap<>()).put(bad.fromMicros(), bad.quality());
            }
        }
        quality.services().forEach((id, q) -> {
            int s = serviceIndex(
                    index, id, KEY.child("quality").child("services").child(id));
            TreeMap<Long, Double> only = new TreeMap<>();
            only.put(0L, q);
            steps.put(s, only);
        });
        for (int i = 0; i < quality.changes().size(); i++) {
            QualityConfig.Change change = quality.changes().get(i);
            int s = serviceIndex(
                    index,
                    change.service(),
                    KEY.child("quality").child("changes").index(i).child("service"));
            steps.computeIfAbsent(s, k -> new TreeMap<>()).put(change.at().micros(), change.quality());
        }
        TreeMap<Integer, List<ServiceQuality.Step>> schedules = new TreeMap<>();
        steps.forEach((s, byTime) -> {
            List<ServiceQuality.Step> list = new ArrayList<>();
            byTime.forEach((from, q) -> list.add(new ServiceQuality.Step(from, q)));
            schedules.put(s, list);
        });
        return new ServiceQuality(quality.standard(), schedules);
    }

    static Reviews reviews(
            ReviewsConfig reviews, FakeReviewsConfig fakes, List<Service> services, List<Integer> overPromisers) {
        if (reviews == null) {
            return null;
        }
        Aggregation aggregation = switch (reviews.aggregation()) {
            case MEAN -> new Aggregation.Mean();
            case BAYESIAN ->
                new Aggregation.Bayesian(reviews.prior().mean(), reviews.prior().weight());
            case RECENCY -> new Aggregation.Recency(reviews.halfLife().micros());
        };
        ReviewFilter filter = reviews.filter() == null
                ? null
                : new ReviewFilter(reviews.filter().detect(), reviews.filter().falsePositive());
        return new Reviews(
                reviews.probability(),
                reviews.noise(),
                aggregation,
                reviews.refresh() == ReviewsConfig.Refresh.IMMEDIATE ? Refresh.IMMEDIATE : Refresh.PERIOD,
                filter,
                fakeCampaigns(fakes, services, overPromisers),
                Boolean.TRUE.equals(reviews.text()));
    }

    private static List<FakeReviews> fakeCampaigns(
            FakeReviewsConfig fakes, List<Service> services, List<Integer> overPromisers) {
        if (fakes == null) {
            return List.of();
        }
        List<Integer> sellers;
        if (fakes.sellersAreOverPromisers()) {
            sellers = overPromisers;
        } else {
            Map<String, Integer> index = indexOf(services);
            sellers = new ArrayList<>();
            for (int i = 0; i < fakes.sellers().size(); i++) {
                sellers.add(serviceIndex(
                        index,
                        fakes.sellers().get(i),
                        KEY.child("fakeReviews").child("sellers").index(i)));
            }
        }
        List<FakeReviews> campaigns = new ArrayList<>();
        for (int s : sellers.stream().distinct().sorted().toList()) {
            campaigns.add(new FakeReviews(s, fakes.budget(), fakes.every().micros(), fakes.stars()));
        }
        return campaigns;
    }

    private static Restock restock(RestockConfig restock) {
        return restock == null
                ? null
                : new Restock(restock.every() == null ? 0 : restock.every().micros(), restock.amount());
    }

    private static Map<String, Integer> indexOf(List<Service> services) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            index.put(services.get(i).id(), i);
        }
        return index;
    }

    private static int serviceIndex(Map<String, Integer> index, String id, KeyPath key) {
        Integer s = index.get(id);
        if (s == null) {
            throw new WiringException(
                    key,
                    "no service '" + id + "' in the catalog"
                            + (index.size() <= 5 ? "; it has " + new TreeMap<>(index).keySet() : ""));
        }
        return s;
    }
}
