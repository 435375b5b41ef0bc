package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.agents.Shopping.at;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.mercato.agents.service.NegotiableService;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.ServiceStarted;

class PricingProperties {
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();

    private static ServicePolicy started(String policy, Map<String, ?> params, long posted) {
        ServicePolicy seller = REGISTRY.service(policy, params).get();
        seller.onObservation(new ServiceStarted(Service.of("s", Map.of("Tacos", posted), Set.of(), 4, 1)), at(0));
        return seller;
    }

    private static long ask(ServicePolicy seller, String text) {
        return ((Propose) seller.onObservation(
                                new MessageReceived("ana", text, new TreeMap<>(Map.of("Tacos", 1))), at(1))
                        .get(0))
                .total();
    }

    @Property
    void dynamicPricesStayWithinTheirBounds(
            @ForAll @Size(max = 60) List<Boolean> sales,
            @ForAll @DoubleRange(min = 0, max = 0.5) double up,
            @ForAll @DoubleRange(min = 0, max = 0.5) double down,
            @ForAll @DoubleRange(min = 0.1, max = 1) double min,
            @ForAll @DoubleRange(min = 1, max = 3) double max,
            @ForAll @LongRange(min = 1, max = 100_000) long posted) {
        ServicePolicy seller = started("dynamic", Map.of("up", up, "down", down, "min", min, "max", max), posted);
        int i = 0;
        for (boolean sale : sales) {
            seller.onObservation(
                    sale ? new PaymentSettled("p" + i, "ana", "s", 1) : new ProposalDeclined("p" + i, "ana"), at(i));
            i++;
            long price = ask(seller, "hi");
            assertThat(price).isBetween(Math.round(posted * min) - 1, Math.round(posted * max) + 1);
        }
    }

    @Property
    void negotiableAsksNeverRiseAndNeverFallBelowTheFloor(
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 20_000) Integer> offers,
            @ForAll @DoubleRange(min = 0, max = 1) double floor,
            @ForAll @LongRange(min = 1, max = 10_000) long posted) {
        ServicePolicy seller = started("negotiable", Map.of("floor", floor), posted);
        long previous = ask(seller, "hi");
        assertThat(previous).isEqualTo(posted);
        for (int offer : offers) {
            long next = ask(seller, "offer: " + Money.format(offer));
            assertThat(next).isLessThanOrEqualTo(previous).isGreaterThanOrEqualTo((long) Math.ceil(posted * floor));
            previous = next;
        }
    }

    @Property
    void scaledLinesHitTheTotalExactlyForSingleUnits(
            @ForAll @LongRange(min = 1, max = 10_000) long a,
            @ForAll @LongRange(min = 1, max = 10_000) long b,
            @ForAll @DoubleRange(min = 0, max = 1) double share) {
        List<OrderLine> lines = List.of(new OrderLine("A", 1, a), new OrderLine("B", 1, b));
        long target = Math.round((a + b) * share);
        assertThat(OrderLine.total(NegotiableService.scaled(lines, a + b, target)))
                .isEqualTo(target);
    }
}
