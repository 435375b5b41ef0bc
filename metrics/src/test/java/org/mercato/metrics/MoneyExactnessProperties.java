package org.mercato.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mercato.metrics.baselines.MagenticBaselines;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * For money inputs within {@link Money#MAX_CENTS} and quantities within {@link Money#MAX_QUANTITY},
 * totals, welfare, producer surplus, the optimum and Magentic's baselines never overflow: each
 * equals the same sum computed with {@link BigInteger}.
 */
class MoneyExactnessProperties {
    private static final List<String> ITEMS = List.of("a", "b", "c");
    private static final int DRAWS = 1_000;

    /** A seller's price and unit cost per item of {@link #ITEMS}. */
    record Seller(long[] prices, long[] costs) {}

    /** A buyer's quantity (0: not wanted) and value per item of {@link #ITEMS}. */
    record Buyer(int[] quantities, long[] values) {}

    record Market(List<Seller> sellers, List<Buyer> buyers) {}

    @Provide
    Arbitrary<Market> markets() {
        Arbitrary<long[]> money = Arbitraries.longs()
                .between(0, Money.MAX_CENTS)
                .array(long[].class)
                .ofSize(ITEMS.size());
        Arbitrary<Seller> seller = Combinators.combine(money, money).as(Seller::new);
        Arbitrary<int[]> quantities = Arbitraries.integers()
                .between(0, Money.MAX_QUANTITY)
                .array(int[].class)
                .ofSize(ITEMS.size())
                .filter(q -> Arrays.stream(q).anyMatch(x -> x > 0));
        Arbitrary<Buyer> buyer = Combinators.combine(quantities, money).as(Buyer::new);
        return Combinators.combine(
                        seller.list().ofMinSize(1).ofMaxSize(4),
                        buyer.list().ofMinSize(1).ofMaxSize(40))
                .as(Market::new);
    }

    @Property(tries = 25)
    void welfareTotalsAndBaselinesAreExact(@ForAll("markets") Market market) {
        check(market);
    }

    /** The largest market the test draws, everything at the maximum: the sum of the draws exceeds a long. */
    @Example
    void everythingAtTheMaximum() {
        long[] max = new long[ITEMS.size()];
        Arrays.fill(max, Money.MAX_CENTS);
        int[] most = new int[ITEMS.size()];
        Arrays.fill(most, Money.MAX_QUANTITY);
        long[] free = new long[ITEMS.size()];
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            buyers.add(new Buyer(most, max));
        }
        check(new Market(List.of(new Seller(free, free), new Seller(max, free)), buyers));
    }

    private static void check(Market market) {
        List<Service> services = new ArrayList<>();
        for (int s = 0; s < market.sellers().size(); s++) {
            Seller seller = market.sellers().get(s);
            TreeMap<String, Long> menu = new TreeMap<>();
            TreeMap<String, Long> costs = new TreeMap<>();
            for (int k = 0; k < ITEMS.size(); k++) {
                menu.put(ITEMS.get(k), seller.prices()[k]);
                costs.put(ITEMS.get(k), seller.costs()[k]);
            }
            services.add(new Service("s" + s, null, null, menu, new TreeSet<>(), 4.0, 0, costs, 0, null));
        }
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < market.buyers().size(); c++) {
            Buyer buyer = market.buyers().get(c);
            TreeMap<String, Integer> items = new TreeMap<>();
            TreeMap<String, Long> values = new TreeMap<>();
            for (int k = 0; k < ITEMS.size(); k++) {
                if (buyer.quantities()[k] > 0) {
                    items.put(ITEMS.get(k), buyer.quantities()[k]);
                    values.put(ITEMS.get(k), buyer.values()[k]);
                }
            }
            customers.add(new Customer("c" + c, null, null, items, values, new TreeSet<>(), Long.MAX_VALUE));
        }

        WelfareFold fold = new WelfareFold();
        long t = 0;
        for (Service service : services) {
            fold.accept(new LoggedEvent(t, t++, new ServiceEvent(service)));
        }
        for (Customer customer : customers) {
            fold.accept(new LoggedEvent(t, t++, new CustomerEvent(customer)));
        }
        BigInteger paid = BigInteger.ZERO;
        BigInteger welfare = BigInteger.ZERO;
        BigInteger producer = BigInteger.ZERO;
        BigInteger optimal = BigInteger.ZERO;
        BigInteger leastDraw = BigInteger.ZERO;
        BigInteger greatestDraw = BigInteger.ZERO;
        for (int c = 0; c < customers.size(); c++) {
            Customer customer = customers.get(c);
            Buyer buyer = market.buyers().get(c);
            int s = c % services.size();
            Seller seller = market.sellers().get(s);
            List<OrderLine> lines = new ArrayList<>();
            BigInteger total = BigInteger.ZERO;
            BigInteger value = BigInteger.ZERO;
            BigInteger cost = BigInteger.ZERO;
            for (int k = 0; k < ITEMS.size(); k++) {
                int q = buyer.quantities()[k];
                if (q > 0) {
                    lines.add(new OrderLine(ITEMS.get(k), q, seller.prices()[k]));
                    total = total.add(times(q, seller.prices()[k]));
                    value = value.add(times(q, buyer.values()[k]));
                    cost = cost.add(times(q, seller.costs()[k]));
                }
            }
            value = value.shiftLeft(1);
            assertThat(OrderLine.total(lines)).isEqualTo(total.longValueExact());
            assertThat(customer.fulfilledValue()).isEqualTo(value.longValueExact());
            Proposal proposal = new Proposal("p" + c, "s" + s, customer.id(), lines, total.longValueExact(), t, t + 1);
            fold.accept(new LoggedEvent(t, t++, new ProposalEvent(proposal)));
            Event payment = new PaymentEvent(proposal.id(), customer.id(), "s" + s, total.longValueExact());
            fold.accept(new LoggedEvent(t, t++, payment));
            paid = paid.add(total);
            welfare = welfare.add(value.subtract(total));
            producer = producer.add(total.subtract(cost));

            BigInteger best = null;
            BigInteger worst = null;
            BigInteger cheapest = null;
            for (Seller other : market.sellers()) {
                BigInteger price = BigInteger.ZERO;
                for (int k = 0; k < ITEMS.size(); k++) {
                    price = price.add(times(buyer.quantities()[k], other.prices()[k]));
                }
                BigInteger utility = value.subtract(price);
                best = best == null ? utility : best.max(utility);
                worst = worst == null ? utility : worst.min(utility);
                cheapest = cheapest == null ? price : cheapest.min(price);
            }
            optimal = optimal.add(value.subtract(cheapest).max(BigInteger.ZERO));
            leastDraw = leastDraw.add(worst);
            greatestDraw = greatestDraw.add(best);
        }

        assertThat(BigInteger.valueOf(fold.paymentsTotal())).isEqualTo(paid);
        assertThat(BigInteger.valueOf(fold.welfare())).isEqualTo(welfare);
        assertThat(BigInteger.valueOf(fold.producerSurplus())).isEqualTo(producer);
        assertThat(BigInteger.valueOf(fold.optimalWelfare())).isEqualTo(optimal);

        MagenticBaselines.Result baselines = MagenticBaselines.compute(new Catalog(services, customers), 7, DRAWS, 20);
        assertThat(baselines.optimal()).isEqualByComparingTo(new BigDecimal(optimal).movePointLeft(2));
        MagenticBaselines.Draws any = baselines.randomAny();
        BigInteger sum = BigInteger.ZERO;
        for (long draw : any.sums()) {
            assertThat(BigInteger.valueOf(draw)).isBetween(leastDraw, greatestDraw);
            sum = sum.add(BigInteger.valueOf(draw));
        }
        BigDecimal mean = new BigDecimal(sum)
                .divide(BigDecimal.valueOf(DRAWS), 0, RoundingMode.HALF_EVEN)
                .movePointLeft(2);
        assertThat(any.mean()).isEqualByComparingTo(mean);
        assertThat(any.median()).isBetween(any.min(), any.max());
        assertThat(any.ciLower()).isBetween(any.min(), any.max());
        assertThat(any.ciUpper()).isBetween(any.min(), any.max());
    }

    private static BigInteger times(long quantity, long cents) {
        return BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(cents));
    }
}
