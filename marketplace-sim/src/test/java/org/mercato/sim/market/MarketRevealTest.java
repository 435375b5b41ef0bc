package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.RevealEvent;
import org.mercato.sim.market.presentation.PagePresenter;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.RejectionReason;
import org.mercato.sim.schedule.Scheduled;

/** Proposal reveal policies, driven item by item as the kernel would. */
class MarketRevealTest {
    // c0 (0), c1 (1); services s0 (2), s1 (3), s2 (4)
    private static final int C0 = 0;
    private static final int C1 = 1;
    private static final int[] SERVICES = {2, 3, 4};

    private final RecordingOutput out = new RecordingOutput();
    private Market market;
    private long seq;

    private void open(RevealSettings settings, long seed) {
        Catalog catalog = new Catalog(
                List.of(service("s0"), service("s1"), service("s2")),
                List.of(MarketTest.customer("c0", 10_000), MarketTest.customer("c1", 10_000)));
        market = new Market(
                new AgentDirectory(catalog),
                new SimpleSearch(catalog.services()),
                SearchSettings.DEFAULT,
                PagePresenter.plainList(),
                new ProposalReveal(settings, seed));
    }

    private static Service service(String id) {
        return Service.of(id, Map.of("pizza", 1200L), Set.of(), 4.0, 10);
    }

    private void act(long t, int agent, Action action) {
        market.apply(new Scheduled.ActionAt(t, agent, seq++, action), out);
    }

    private void inquire(long t, int customer, int service) {
        act(t, customer, Message.inquiry(market.agents().idOf(service), "hi", Map.of("pizza", 1)));
    }

    private Proposal propose(long t, int service, int customer) {
        act(
                t,
                service,
                new Propose(
                        market.agents().idOf(customer), List.of(new OrderLine("pizza", 1, 1200)), 1200, t + 1_000_000));
        List<ProposalEvent> made = out.eventsOf(ProposalEvent.class);
        return made.get(made.size() - 1).proposal();
    }

    /** Fires the pending market timers due up to {@code until}, in the kernel's order. */
    private void fireTimersUntil(long until) {
        List<Scheduled> due = new ArrayList<>();
        for (Scheduled item : out.scheduled) {
            if (item instanceof Scheduled.MarketTimerAt && item.time() <= until) {
                due.add(item);
            }
        }
        out.scheduled.removeAll(due);
        due.sort(Scheduled.ORDER);
        for (Scheduled timer : due) {
            market.apply(timer, out);
        }
    }

    private List<String> received(int customer) {
        List<String> ids = new ArrayList<>();
        for (RecordingOutput.Delivered d : out.deliveriesOf(ProposalReceived.class)) {
            if (d.agent() == customer) {
                ids.add(((ProposalReceived) d.observation()).proposal().id());
            }
        }
        return ids;
    }

    private List<String> revealed() {
        return out.eventsOf(RevealEvent.class).stream()
                .map(RevealEvent::proposal)
                .toList();
    }

    @Test
    void immediateDeliversWhenMadeWithoutRevealEventsOrTimers() {
        open(RevealSettings.IMMEDIATE, 1);
        inquire(10, C0, 2);
        Proposal p = propose(20, 2, C0);
        assertThat(received(C0)).containsExactly(p.id());
        assertThat(out.eventsOf(RevealEvent.class)).isEmpty();
        assertThat(out.scheduled).isEmpty();
    }

    @Test
    void batchedHoldsEveryProposalOfTheWindowAndRevealsThemTogether() {
        open(RevealSettings.batched(100), 1);
        for (int s : SERVICES) {
            inquire(5, C0, s);
        }
        Proposal a = propose(10, 2, C0);
        Proposal b = propose(40, 3, C0);
        Proposal c = propose(109, 4, C0);

        assertThat(received(C0)).isEmpty();
        assertThat(out.scheduled).hasSize(1);
        Scheduled.MarketTimerAt timer = (Scheduled.MarketTimerAt) out.scheduled.get(0);
        assertThat(timer.time()).isEqualTo(110);
        assertThat(timer.agent()).isEqualTo(C0);
        assertThat(timer.seq()).isGreaterThanOrEqualTo(Scheduled.MARKET_SEQ_BASE);

        // a held proposal is unknown to its customer
        act(50, C0, new Pay(a.id(), 1200));
        act(50, C0, new Decline(b.id()));
        assertThat(out.eventsOf(RejectionEvent.class))
                .extracting(RejectionEvent::reason)
                .containsExactly(RejectionReason.UNKNOWN_PROPOSAL, RejectionReason.UNKNOWN_PROPOSAL);

        fireTimersUntil(110);
        assertThat(received(C0)).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(revealed()).containsExactlyElementsOf(received(C0));
        List<RecordingOutput.Recorded> reveals = out.events.stream()
                .filter(r -> r.event() instanceof RevealEvent)
                .toList();
        assertThat(reveals).extracting(RecordingOutput.Recorded::time).containsOnly(110L);
        assertThat(out.deliveriesOf(ProposalReceived.class))
                .extracting(RecordingOutput.Delivered::time)
                .containsOnly(110L);

        // now revealed, it can be paid; a proposal after the window opens a new batch
        act(120, C0, new Pay(a.id(), 1200));
        assertThat(market.proposals().get(a.id()).status()).isEqualTo(ProposalBook.Status.PAID);
        Proposal late = propose(130, 2, C0);
        assertThat(received(C0)).doesNotContain(late.id());
        assertThat(out.scheduled).singleElement().extracting(Scheduled::time).isEqualTo(230L);
    }

    @Test
    void batchesAreRevealedInAUniformSeededOrder() {
        Map<List<String>, Integer> orders = new HashMap<>();
        int runs = 1_200;
        for (long seed = 0; seed < runs; seed++) {
            out.clear();
            open(RevealSettings.batched(100), seed);
            for (int s : SERVICES) {
                inquire(5, C0, s);
            }
            propose(10, 2, C0);
            propose(20, 3, C0);
            propose(30, 4, C0);
            fireTimersUntil(110);
            List<String> services = out.eventsOf(RevealEvent.class).stream()
                    .map(RevealEvent::service)
                    .toList();
            orders.merge(services, 1, Integer::sum);
        }
        assertThat(orders).hasSize(6);
        // 200 expected per order, binomial sd ~13: +-65 is 5 sd
        assertThat(orders.values()).allSatisfy(n -> assertThat(n).isBetween(135, 265));
    }

    @Test
    void theSameSeedRevealsInTheSameOrder() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            out.clear();
            open(RevealSettings.batched(100), 77);
            for (int s : SERVICES) {
                inquire(5, C0, s);
            }
            propose(10, 2, C0);
            propose(20, 3, C0);
            propose(30, 4, C0);
            fireTimersUntil(110);
            runs.add(revealed());
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void customersAreBatchedSeparately() {
        open(RevealSettings.batched(100), 1);
        inquire(5, C0, 2);
        inquire(5, C1, 2);
        Proposal forC0 = propose(10, 2, C0);
        Proposal forC1 = propose(60, 2, C1);
        assertThat(out.scheduled)
                .extracting(Scheduled::time, Scheduled::agent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(110L, C0), org.assertj.core.groups.Tuple.tuple(160L, C1));
        fireTimersUntil(110);
        assertThat(received(C0)).containsExactly(forC0.id());
        assertThat(received(C1)).isEmpty();
        fireTimersUntil(160);
        assertThat(received(C1)).containsExactly(forC1.id());
    }

    @Test
    void minWaitHoldsUntilTheDelayAfterTheFirstInquiryThenRevealsInArrivalOrderAndLaterOnesAtOnce() {
        open(RevealSettings.minWait(100), 1);
        inquire(5, C0, 2);
        inquire(30, C0, 3); // not the first inquiry: the wait still ends at 105
        inquire(30, C0, 4);
        Proposal b = propose(20, 2, C0);
        Proposal a = propose(50, 3, C0);
        assertThat(received(C0)).isEmpty();
        assertThat(out.scheduled).singleElement().extracting(Scheduled::time).isEqualTo(105L);

        fireTimersUntil(105);
        assertThat(received(C0)).containsExactly(b.id(), a.id());
        assertThat(revealed()).containsExactly(b.id(), a.id());

        Proposal late = propose(200, 4, C0);
        assertThat(received(C0)).containsExactly(b.id(), a.id(), late.id());
        assertThat(out.events.get(out.events.size() - 1).event()).isEqualTo(new RevealEvent(late.id(), "c0", "s2"));
        assertThat(out.events.get(out.events.size() - 1).time()).isEqualTo(200);
        assertThat(out.scheduled).isEmpty();
    }

    @Test
    void aZeroMinimumWaitIsImmediateButLogged() {
        open(RevealSettings.minWait(0), 1);
        inquire(5, C0, 2);
        Proposal p = propose(20, 2, C0);
        assertThat(received(C0)).containsExactly(p.id());
        assertThat(revealed()).containsExactly(p.id());
    }

    @Test
    void aCustomerWhoIsDoneIsShownNothingAndNoRevealIsLogged() {
        open(RevealSettings.batched(100), 1);
        inquire(5, C0, 2);
        propose(10, 2, C0);
        act(50, C0, new Done("bored"));
        int eventsBefore = out.events.size();
        fireTimersUntil(110);
        assertThat(received(C0)).isEmpty();
        List<Event> after = out.events.subList(eventsBefore, out.events.size()).stream()
                .map(RecordingOutput.Recorded::event)
                .toList();
        assertThat(after).isEmpty();
    }
}
