package org.mercato.metrics.baselines;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.MagenticUtility;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;
import org.mercato.sim.random.Seeds;

/**
 * Magentic Marketplace's four welfare baselines for a catalog: what the market's customers would
 * get if each bought once, at posted prices, from a business chosen by a fixed rule. Pure: the
 * same catalog, seed, draws and resamples give the same result.
 *
 * <p>For each customer, the <em>carriers</em> are the businesses that sell every requested item.
 * Buying the requested quantities there costs {@code total}; the customer's utility is {@link
 * Customer#fulfilledValue()} (twice the reference value of the request) minus {@code total} if the
 * business has every required amenity, else just {@code -total} (see {@link MagenticUtility}).
 *
 * <ul>
 *   <li><b>optimal</b>: each customer's best carrier, or nothing (0) when no carrier gives a
 *       positive utility. This equals the {@code optimal} a run's summary reports for the catalog.
 *   <li><b>cheapest</b>: the carrier with the lowest total. When several tie at the lowest total,
 *       the customer counts the <em>mean</em> utility of the tied carriers (Magentic's script adds
 *       them all up instead). Exact until the market sum, which is rounded to the cent.
 *   <li><b>random-any</b>: a uniformly random carrier, drawn independently per customer; the
 *       market sum is drawn {@code draws} times.
 *   <li><b>random-feasible</b>: a uniformly random carrier among those that also have every
 *       required amenity.
 * </ul>
 *
 * <p>A customer with no carrier (or, for random-feasible, no carrier with the amenities) buys
 * nothing and counts 0 there (in every baseline, for no carrier); Magentic's script stops with an
 * assertion instead. Optimal never counts a purchase below 0, since buying nothing is open. For
 * the two random baselines the result reports the median of the draws with a 95% percentile
 * bootstrap interval for that median ({@value #BOOTSTRAP_RESAMPLES} resamples unless told
 * otherwise, nearest-rank percentiles), plus the minimum, maximum and mean draw. Random streams come from {@link
 * Seeds#derive} with keys {@code baselines/random-any}, {@code baselines/random-feasible} and the
 * same with {@code /bootstrap}.
 */
public final class MagenticBaselines {
    public static final int DEFAULT_DRAWS = 1_000;
    public static final int BOOTSTRAP_RESAMPLES = 10_000;

    private static final String ORDER = "the total of a customer's order";
    private static final String RANDOM = "a random baseline";

    private MagenticBaselines() {}

    /** The four baselines of a market, money in currency units. */
    public record Result(
            int customers,
            int businesses,
            long seed,
            int draws,
            int unserved,
            int withoutFeasible,
            int cheapestTied,
            BigDecimal optimal,
            BigDecimal cheapest,
            Draws randomFeasible,
            Draws randomAny,
            List<CustomerBaseline> perCustomer) {
        public Result {
            perCustomer = List.copyOf(perCustomer);
        }
    }

    /**
     * The market sums of repeated random draws: their median with a bootstrap 95% interval for it,
     * the least, greatest and mean draw, and every draw in cents in the order drawn.
     */
    public record Draws(
            BigDecimal median,
            BigDecimal ciLower,
            BigDecimal ciUpper,
            BigDecimal min,
            BigDecimal max,
            BigDecimal mean,
            List<Long> sums) {
        public Draws {
            sums = List.copyOf(sums);
        }
    }

    /**
     * One customer's part: how many businesses sell all requested items ({@code carriers}), how
     * many of those also have the amenities ({@code feasible}), the optimal and cheapest utilities
     * and how many carriers tie at the lowest total ({@code cheapestTied}, 0 without carriers).
     */
    public record CustomerBaseline(
            String id, int carriers, int feasible, BigDecimal optimal, BigDecimal cheapest, int cheapestTied) {}

    /** The baselines with {@value #DEFAULT_DRAWS} draws. */
    public static Result compute(Catalog catalog, long seed) {
        return compute(catalog, seed, DEFAULT_DRAWS);
    }

    /** The baselines with {@code draws} draws and {@value #BOOTSTRAP_RESAMPLES} bootstrap resamples. */
    public static Result compute(Catalog catalog, long seed, int draws) {
        return compute(catalog, seed, draws, BOOTSTRAP_RESAMPLES);
    }

    /** The baselines with {@code draws} draws of each random baseline and {@code resamples} bootstrap resamples. */
    public static Result compute(Catalog catalog, long seed, int draws, int resamples) {
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be >= 1, was " + draws);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        }
        List<Options> options = new ArrayList<>();
        List<CustomerBaseline> perCustomer = new ArrayList<>();
        long optimal = 0;
        Fraction cheapest = Fraction.ZERO;
        int unserved = 0;
        int withoutFeasible = 0;
        int tied = 0;
        Index index = new Index(catalog.services());
        for (Customer customer : catalog.customers()) {
            Options o = options(customer, index);
            options.add(o);
            if (o.any.length == 0) {
                unserved++;
            } else if (o.feasible.length == 0) {
                withoutFeasible++;
            }
            if (o.cheapestTied > 1) {
                tied++;
            }
            optimal = Money.add(optimal, o.optimal, "the optimal baseline");
            cheapest = cheapest.plus(o.cheapest);
            perCustomer.add(new CustomerBaseline(
                    customer.id(),
                    o.any.length,
                    o.feasible.length,
                    money(o.optimal),
                    o.cheapest.toMoney(),
                    o.cheapestTied));
        }
        return new Result(
                catalog.customers().size(),
                catalog.services().size(),
                seed,
                draws,
                unserved,
                withoutFeasible,
                tied,
                money(optimal),
                cheapest.toMoney(),
                draw(options, true, draws, resamples, seed, "baselines/random-feasible"),
                draw(options, false, draws, resamples, seed, "baselines/random-any"),
                perCustomer);
    }

    /** A customer's utilities at each carrier (catalog order), at the feasible ones, and the fixed baselines. */
    private record Options(long[] any, long[] feasible, long optimal, Fraction cheapest, int cheapestTied) {}

    /**
     * The services by item (who sells it, at which price) and by amenity, so that a customer's
     * carriers are an intersection of bit sets rather than a scan of every menu.
     */
    private static final class Index {
        private final int services;
        private final Map<String, BitSet> byItem = new HashMap<>();
        private final Map<String, long[]> prices = new HashMap<>();
        private final Map<String, BitSet> byAmenity = new HashMap<>();

        Index(List<Service> catalog) {
            services = catalog.size();
            for (int i = 0; i < services; i++) {
                for (var offer : catalog.get(i).menu().entrySet()) {
                    byItem.computeIfAbsent(offer.getKey(), k -> new BitSet()).set(i);
                    prices.computeIfAbsent(offer.getKey(), k -> new long[services])[i] = offer.getValue();
                }
                for (String amenity : catalog.get(i).amenities()) {
                    byAmenity.computeIfAbsent(amenity, k -> new BitSet()).set(i);
                }
            }
        }

        /** The services in every one of the keys' sets (all services for no keys). */
        BitSet all(Iterable<String> keys, Map<String, BitSet> sets) {
            BitSet result = new BitSet(services);
            result.set(0, services);
            for (String key : keys) {
                BitSet next = sets.get(key);
                if (next == null) {
                    return new BitSet();
                }
                result.and(next);
            }
            return result;
        }
    }

    /**
     * A customer's options: at each carrier (a service selling every requested item; catalog
     * order) the request costs the quantities at posted prices, and the customer gets its
     * fulfilled value only where the service also has every required amenity (what {@link
     * MagenticUtility} gives an order of exactly the request).
     */
    private static Options options(Customer customer, Index index) {
        BitSet carriers = index.all(customer.items().keySet(), index.byItem);
        BitSet amenities = index.all(customer.requiredAmenities(), index.byAmenity);
        int count = customer.items().size();
        long[][] prices = new long[count][];
        long[] quantities = new long[count];
        int k = 0;
        for (var wanted : customer.items().entrySet()) {
            prices[k] = index.prices.get(wanted.getKey());
            quantities[k++] = wanted.getValue();
        }
        long value = customer.fulfilledValue();
        long[] any = new long[carriers.cardinality()];
        long[] feasible = new long[any.length];
        int anyCount = 0;
        int feasibleCount = 0;
        long lowestTotal = Long.MAX_VALUE;
        long tiedSum = 0;
        int tiedCount = 0;
        long best = 0;
        for (int i = carriers.nextSetBit(0); i >= 0; i = carriers.nextSetBit(i + 1)) {
            long total = 0;
            for (int j = 0; j < count; j++) {
                total = Money.add(total, Money.times(quantities[j], prices[j][i], ORDER), ORDER);
            }
            boolean fulfils = amenities.get(i);
            long utility = Money.subtract(fulfils ? value : 0, total, "a customer's utility");
            any[anyCount++] = utility;
            if (fulfils) {
                feasible[feasibleCount++] = utility;
            }
            best = Math.max(best, utility);
            if (total < lowestTotal) {
                lowestTotal = total;
                tiedSum = utility;
                tiedCount = 1;
            } else if (total == lowestTotal) {
                tiedSum = Money.add(tiedSum, utility, "the cheapest baseline");
                tiedCount++;
            }
        }
        Fraction cheapest = tiedCount == 0 ? Fraction.ZERO : Fraction.of(tiedSum, tiedCount);
        return new Options(any, Arrays.copyOf(feasible, feasibleCount), best, cheapest, tiedCount);
    }

    private static Draws draw(
            List<Options> options, boolean feasibleOnly, int draws, int resamples, long seed, String key) {
        SplittableRandom random = Seeds.derive(seed, key);
        long[] sums = new long[draws];
        // customer by customer, all draws at once: one customer's options stay in the cache
        for (Options o : options) {
            long[] choices = feasibleOnly ? o.feasible : o.any;
            if (choices.length == 1) {
                for (int d = 0; d < draws; d++) {
                    sums[d] = Money.add(sums[d], choices[0], RANDOM);
                }
            } else if (choices.length > 1) {
                for (int d = 0; d < draws; d++) {
                    sums[d] = Money.add(sums[d], choices[below(random, choices.length)], RANDOM);
                }
            }
        }
        long[] sorted = sums.clone();
        Arrays.sort(sorted);
        long[] bootstrap = bootstrapTwiceMedians(sorted, resamples, Seeds.derive(seed, key + "/bootstrap"));
        // the draws' sum can exceed a long even where every draw fits
        BigInteger total = BigInteger.ZERO;
        List<Long> drawn = new ArrayList<>(draws);
        for (long sum : sums) {
            total = total.add(BigInteger.valueOf(sum));
            drawn.add(sum);
        }
        return new Draws(
                halfCents(twiceMedian(sorted)),
                halfCents(bootstrap[lowerRank(bootstrap.length)]),
                halfCents(bootstrap[upperRank(bootstrap.length)]),
                money(sorted[0]),
                money(sorted[sorted.length - 1]),
                new BigDecimal(total)
                        .divide(BigDecimal.valueOf(draws), 0, RoundingMode.HALF_EVEN)
                        .movePointLeft(2),
                drawn);
    }

    /**
     * Twice the median of each of {@code resamples} resamples (with replacement, same size) of the
     * sorted draws, sorted. A resample is a count per draw, so its median is found by
     * walking the counts in the draws' order rather than by sorting the resample.
     */
    private static long[] bootstrapTwiceMedians(long[] sorted, int resamples, SplittableRandom random) {
        int n = sorted.length;
        int[] counts = new int[n];
        long[] medians = new long[resamples];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(counts, 0);
            for (int k = 0; k < n; k++) {
                counts[below(random, n)]++;
            }
            medians[r] = twiceMedian(sorted, counts);
        }
        Arrays.sort(medians);
        return medians;
    }

    /**
     * A uniform integer in {@code [0, bound)}: Lemire's multiply-and-shift with rejection, exact like
     * {@link SplittableRandom#nextInt(int)} but without its division on almost every call.
     */
    static int below(SplittableRandom random, int bound) {
        long product = (random.nextInt() & 0xFFFFFFFFL) * bound;
        int low = (int) product;
        if (Integer.compareUnsigned(low, bound) < 0) {
            int threshold = Integer.remainderUnsigned(-bound, bound);
            while (Integer.compareUnsigned(low, threshold) < 0) {
                product = (random.nextInt() & 0xFFFFFFFFL) * bound;
                low = (int) product;
            }
        }
        return (int) (product >>> 32);
    }

    /**
     * Twice the median of the sample that holds {@code counts[i]} copies of {@code sorted[i]}
     * (sorted ascending; the counts add up to {@code sorted.length}).
     */
    static long twiceMedian(long[] sorted, int[] counts) {
        int n = 0;
        for (int count : counts) {
            n += count;
        }
        // 0-based ranks of the middle element(s) of the sample in sorted order
        int low = (n - 1) / 2;
        int high = n / 2;
        long lowValue = 0;
        long highValue = 0;
        int seen = 0;
        for (int i = 0; i < sorted.length && seen <= high; i++) {
            int next = seen + counts[i];
            if (seen <= low && low < next) {
                lowValue = sorted[i];
            }
            if (high < next) {
                highValue = sorted[i];
            }
            seen = next;
        }
        return Money.add(lowValue, highValue, RANDOM);
    }

    /** The 2.5th percentile's index in a sorted array by nearest rank. */
    static int lowerRank(int size) {
        return Math.max(0, (int) ((size * 25L + 999) / 1000) - 1);
    }

    /** The 97.5th percentile's index in a sorted array by nearest rank. */
    static int upperRank(int size) {
        return Math.min(size - 1, (int) ((size * 975L + 999) / 1000) - 1);
    }

    private static long twiceMedian(long[] sorted) {
        int n = sorted.length;
        return Money.add(sorted[(n - 1) / 2], sorted[n / 2], RANDOM);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Half a value given in cents, exactly: two decimals, or three when it ends in half a cent. */
    private static BigDecimal halfCents(long twiceCents) {
        return twiceCents % 2 == 0
                ? BigDecimal.valueOf(twiceCents / 2, 2)
                : BigDecimal.valueOf(twiceCents, 2).multiply(BigDecimal.valueOf(5, 1));
    }

    /** An exact fraction of cents, for sums of means over tied businesses. */
    private record Fraction(BigInteger numerator, BigInteger denominator) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        static Fraction of(long numerator, long denominator) {
            return reduced(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }

        Fraction plus(Fraction other) {
            return reduced(
                    numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        private static Fraction reduced(BigInteger numerator, BigInteger denominator) {
            BigInteger gcd = numerator.gcd(denominator);
            return gcd.signum() == 0 || gcd.equals(BigInteger.ONE)
                    ? new Fraction(numerator, denominator)
                    : new Fraction(numerator.divide(gcd), denominator.divide(gcd));
        }

        /** In currency units, rounded half-even to the cent. */
        BigDecimal toMoney() {
            return new BigDecimal(numerator)
                    .divide(new BigDecimal(denominator), 0, RoundingMode.HALF_EVEN)
                    .movePointLeft(2);
        }
    }
}
