package org.mercato.metrics.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.AdAuctionEvent;
import org.mercato.sim.events.AdChargeEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/** The ads fold on a hand-made log: revenue, fill, sponsored choices and advertiser surplus. */
class AdsFoldTest {
    private static Service service(String id, long price, long cost) {
        return new Service(
                id,
                id,
                "",
                new TreeMap<>(Map.of("x", price)),
                new java.util.TreeSet<>(Set.of()),
                4,
                1,
                new TreeMap<>(Map.of("x", cost)),
                0,
                null);
    }

    @Test
    void foldsAuctionsChargesAndPayments() {
        AdsFold fold = new AdsFold();
        long seq = 0;
        List<Event> events = List.of(
                new ServiceEvent(service("a", 1000, 600)),
                new ServiceEvent(service("b", 1000, 700)),
                new ServiceEvent(service("c", 1000, 100)),
                new AdAuctionEvent(
                        "c1",
                        3,
                        "x",
                        "gsp",
                        2,
                        50,
                        List.of(new AdAuctionEvent.Bid("a", 200, 1), new AdAuctionEvent.Bid("b", 100, 1)),
                        List.of(new AdAuctionEvent.Winner(1, "a", 100), new AdAuctionEvent.Winner(2, "b", 50))),
                new AdAuctionEvent("c2", 9, "x", "gsp", 2, 50, List.of(new AdAuctionEvent.Bid("a", 40, 1)), List.of()),
                new ProposalEvent(new Proposal("p1", "a", "c1", List.of(new OrderLine("x", 2, 1000)), 2000, 0, 10)),
                new PaymentEvent("p1", "c1", "a", 2000),
                new AdChargeEvent("a", "c1", 3, "choice", 100, null),
                new ProposalEvent(new Proposal("p2", "c", "c2", List.of(new OrderLine("x", 1, 1000)), 1000, 0, 10)),
                new PaymentEvent("p2", "c2", "c", 1000));
        for (Event event : events) {
            fold.accept(new LoggedEvent(seq, seq++, event));
        }
        AdsMetrics m = fold.result();
        assertThat(m.auctions()).isEqualTo(2);
        assertThat(m.slotsOffered()).isEqualTo(4);
        assertThat(m.slotsFilled()).isEqualTo(2);
        assertThat(m.fillRate()).isEqualTo(0.5);
        assertThat(m.bids()).isEqualTo(3);
        assertThat(m.advertisers()).isEqualTo(2);
        assertThat(m.sponsoredChoices()).isEqualTo(1);
        assertThat(m.platformRevenue()).isEqualByComparingTo("1.00");
        assertThat(m.meanPrice()).isEqualByComparingTo("0.75");
        // a sold 2 at 10.00 with unit cost 6.00; c is no advertiser.
        assertThat(m.advertiserValue()).isEqualByComparingTo("8.00");
        assertThat(m.advertiserSurplus()).isEqualByComparingTo("7.00");
        assertThat(m.spendByService()).containsOnlyKeys("a");
        assertThat(fold.sawAds()).isTrue();
    }
}
