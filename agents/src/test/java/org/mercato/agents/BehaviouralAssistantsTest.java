package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mercato.agents.Shopping.ANA;
import static org.mercato.agents.Shopping.at;
import static org.mercato.agents.Shopping.listing;
import static org.mercato.agents.Shopping.priced;
import static org.mercato.agents.Shopping.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.service.NegotiableService;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

class BehaviouralAssistantsTest {
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();

    private static List<String> recipients(List<AssistantAction> actions) {
        return actions.stream()
                .filter(Message.class::isInstance)
                .map(a -> ((Message) a).to())
                .toList();
    }

    @Test
    void budgetedReadsTheNextPageOnlyWhileItHasInquiriesLeftAndWithinItsPageBudget() {
        AssistantPolicy budgeted = REGISTRY.assistant("budgeted", Map.of("pages", 2, "inquiries", 3, "patience", "2s"))
                .get();
        budgeted.onObservation(new AssistantStarted(ANA), at(0));
        List<AssistantAction> first = budgeted.onObservation(
                new SearchResults("tacos and horchata", 0, 5, List.of(listing(1, "a"), listing(2, "b"))), at(10));
        assertThat(recipients(first)).containsExactly("a", "b");
        assertThat(first).contains(new Search("tacos and horchata", SearchFilters.NONE, 1), new Wait(2_000_010));

        // both answer before page 1 arrives: no decision yet, the third inquiry is still to come
        assertThat(budgeted.onObservation(new ProposalReceived(proposal("p1", "a", 900, 300)), at(20)))
                .isEmpty();
        assertThat(budgeted.onObservation(new ProposalReceived(proposal("p2", "b", 800, 300)), at(30)))
                .isEmpty();

        List<AssistantAction> second = budgeted.onObservation(
                new SearchResults("tacos and horchata", 1, 5, List.of(listing(3, "c"), listing(4, "d"))), at(40));
        assertThat(recipients(second)).containsExactly("c");
        assertThat(second).noneMatch(a -> a instanceof Search || a instanceof Wait);

        assertThat(budgeted.onObservation(new ProposalReceived(proposal("p3", "c", 950, 300)), at(50)))
                .containsExactly(new Pay("p2", 1100));
    }

    @Test
    void budgetedThatRanOutOfPatienceIgnoresALatePage() {
        AssistantPolicy budgeted = REGISTRY.assistant("budgeted", Map.of("pages", 2, "inquiries", 3, "patience", "1s"))
                .get();
        budgeted.onObservation(new AssistantStarted(ANA), at(0));
        budgeted.onObservation(new SearchResults("tacos and horchata", 0, 5, List.of(listing(1, "a"))), at(10));
        budgeted.onObservation(new ProposalReceived(proposal("p1", "a", 900, 300)), at(20));
        assertThat(budgeted.onObservation(new WokenUp(1_000_010), at(1_000_010)))
                .containsExactly(new Pay("p1", 1200));
        assertThat(budgeted.onObservation(
                        new SearchResults("tacos and horchata", 1, 5, List.of(listing(2, "b"))), at(1_000_020)))
                .isEmpty();
    }

    @Test
    void budgetedWithOnePageStopsAtTheFirstPage() {
        AssistantPolicy budgeted = REGISTRY.assistant("budgeted", Map.of("pages", 1, "inquiries", 5))
                .get();
        budgeted.onObservation(new AssistantStarted(ANA), at(0));
        List<AssistantAction> first = budgeted.onObservation(
                new SearchResults("tacos and horchata", 0, 5, List.of(listing(1, "a"), listing(2, "b"))), at(10));
        assertThat(recipients(first)).containsExactly("a", "b");
        assertThat(first).noneMatch(Search.class::isInstance);
        budgeted.onObservation(new ProposalReceived(proposal("p1", "a", 900, 300)), at(20));
        assertThat(budgeted.onObservation(new ProposalReceived(proposal("p2", "b", 1000, 300)), at(30)))
                .containsExactly(new Pay("p1", 1200));
    }

    @Test
    void logitAsksOnlyTheChosenServiceAndPaysItsProposalWhenAffordable() {
        AssistantPolicy logit = REGISTRY.assistant("logit", Map.of("logPrice", -2.0, "patience", "1s"))
                .get();
        logit.onObservation(new AssistantStarted(ANA), at(0));
        List<AssistantAction> ask = logit.onObservation(
                new SearchResults(
                        "q", 0, 1, List.of(listing(1, "unpriced"), priced(2, "only", 900, 300, 4.0, 10, 2, 1, ""))),
                at(10));
        assertThat(ask).hasSize(2);
        assertThat(recipients(ask)).containsExactly("only");
        assertThat(ask.get(1)).isEqualTo(new Wait(1_000_010));
        assertThat(logit.onObservation(new ProposalReceived(proposal("p1", "only", 900, 300)), at(20)))
                .containsExactly(new Pay("p1", 1200));
        assertThat(logit.onObservation(new PaymentSettled("p1", "ana", "only", 1200), at(30)))
                .containsExactly(new Done("purchased"));
    }

    @Test
    void logitDeclinesAProposalOverBudgetAndStopsWithoutPricedListings() {
        AssistantPolicy logit = REGISTRY.assistant("logit", Map.of()).get();
        logit.onObservation(new AssistantStarted(ANA), at(0));
        logit.onObservation(new SearchResults("q", 0, 1, List.of(priced(1, "x", 900, 300, 4.0, 10, 1, 1, ""))), at(10));
        assertThat(logit.onObservation(new ProposalReceived(proposal("p1", "x", 9_000, 300)), at(20)))
                .containsExactly(new Decline("p1"), new Done("over-budget"));

        AssistantPolicy blind = REGISTRY.assistant("logit", Map.of()).get();
        blind.onObservation(new AssistantStarted(ANA), at(0));
        assertThat(blind.onObservation(new SearchResults("q", 0, 1, List.of(listing(1, "a"))), at(10)))
                .containsExactly(new Done("no-priced-listings"));
    }

    @Test
    void logitRefusesUnknownTactics() {
        assertThatThrownBy(() -> REGISTRY.assistant("logit", Map.of("tactics", Map.of("flattery", 1.0))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("flattery")
                .hasMessageContaining("authority");
        assertThatThrownBy(() -> REGISTRY.assistant("logit", Map.of("tactics", Map.of("authority", "high"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    /** Relays the buyer's messages to a service by hand, as the market would; returns the buyer's responses. */
    private static List<AssistantAction> relay(
            AssistantPolicy buyer, ServicePolicy seller, List<AssistantAction> actions, List<Long> asks, int[] ids) {
        List<AssistantAction> next = new ArrayList<>();
        for (AssistantAction action : actions) {
            if (action instanceof Message m) {
                for (ServiceAction answer :
                        seller.onObservation(new MessageReceived("ana", m.text(), m.items()), at(100))) {
                    Propose p = (Propose) answer;
                    asks.add(p.total());
                    Proposal proposal =
                            new Proposal("p" + ids[0]++, m.to(), "ana", p.lines(), p.total(), 100, p.validUntil());
                    next.addAll(buyer.onObservation(new ProposalReceived(proposal), at(200)));
                }
            }
        }
        return next;
    }

    private static Service shop() {
        return Service.of("s", Map.of("Tacos", 1000L, "Horchata", 300L), java.util.Set.of("Outdoor Seating"), 4, 10);
    }

    @Test
    void negotiatorAndNegotiableSettleBetweenTheFloorAndTheFirstAsk() {
        AssistantPolicy buyer = REGISTRY.assistant("negotiator", Map.of("target", 0.7, "reservation", 1.0, "rounds", 3))
                .get();
        ServicePolicy seller =
                REGISTRY.service("negotiable", Map.of("floor", 0.8)).get();
        seller.onObservation(new ServiceStarted(shop()), at(0));
        buyer.onObservation(new AssistantStarted(ANA), at(0));
        List<AssistantAction> actions =
                buyer.onObservation(new SearchResults("q", 0, 1, List.of(listing(1, "s"))), at(10));
        List<Long> asks = new ArrayList<>();
        int[] ids = {1};
        List<AssistantAction> all = new ArrayList<>();
        for (int i = 0; i < 10 && actions.stream().anyMatch(Message.class::isInstance); i++) {
            all.addAll(actions);
            actions = relay(buyer, seller, actions, asks, ids);
        }
        all.addAll(actions);
        Pay pay = (Pay) all.stream().filter(Pay.class::isInstance).findFirst().orElseThrow();

        long firstAsk = asks.get(0);
        long floor = Math.round(firstAsk * 0.8);
        assertThat(firstAsk).isEqualTo(1300);
        assertThat(pay.amount()).isBetween(floor, firstAsk).isLessThan(firstAsk);
        // offers: 9.10, then halfway to the reservation 11.05; the seller split the difference at 11.05
        assertThat(all)
                .filteredOn(Message.class::isInstance)
                .extracting(a -> ((Message) a).text())
                .contains("offer: 9.10", "offer: 11.05");
        assertThat(pay.amount()).isEqualTo(1105);
    }

    @Test
    void negotiatorGivesUpOnAFirmSellerAboveItsReservation() {
        AssistantPolicy buyer = REGISTRY.assistant("negotiator", Map.of("rounds", 2, "reservation", 1.0))
                .get();
        ServicePolicy firm = REGISTRY.service("posted-price", Map.of()).get();
        firm.onObservation(
                new ServiceStarted(Service.of(
                        "s", Map.of("Tacos", 1200L, "Horchata", 300L), java.util.Set.of("Outdoor Seating"), 4, 10)),
                at(0));
        buyer.onObservation(new AssistantStarted(ANA), at(0));
        List<AssistantAction> actions =
                buyer.onObservation(new SearchResults("q", 0, 1, List.of(listing(1, "s"))), at(10));
        List<AssistantAction> all = new ArrayList<>();
        int[] ids = {1};
        for (int i = 0; i < 10 && actions.stream().anyMatch(Message.class::isInstance); i++) {
            all.addAll(actions);
            actions = relay(buyer, firm, actions, new ArrayList<>(), ids);
        }
        all.addAll(actions);
        assertThat(all).noneMatch(Pay.class::isInstance);
        assertThat(all).contains(new Done("no-deal"));
        assertThat(all).filteredOn(Decline.class::isInstance).hasSize(3);
    }

    @Test
    void negotiatorPaysAProposalWithinItsReservationOnTheLastRound() {
        AssistantPolicy buyer = REGISTRY.assistant("negotiator", Map.of("rounds", 1, "target", 0.5))
                .get();
        buyer.onObservation(new AssistantStarted(ANA), at(0));
        buyer.onObservation(new SearchResults("q", 0, 1, List.of(listing(1, "s"))), at(10));
        List<AssistantAction> counter =
                buyer.onObservation(new ProposalReceived(proposal("p1", "s", 1000, 200)), at(20));
        assertThat(counter).contains(new Decline("p1"));
        assertThat(counter)
                .filteredOn(Message.class::isInstance)
                .extracting(a -> ((Message) a).text())
                .containsExactly("offer: 6.50");
        assertThat(buyer.onObservation(new ProposalReceived(proposal("p2", "s", 1000, 200)), at(30)))
                .containsExactly(new Pay("p2", 1200));
        assertThat(buyer.onObservation(new WokenUp(5_000_020), at(5_000_020))).isEmpty();
    }

    @Test
    void negotiableScalesLinesToTheAgreedTotal() {
        List<OrderLine> lines = List.of(new OrderLine("Horchata", 1, 300), new OrderLine("Tacos", 2, 500));
        List<OrderLine> scaled = NegotiableService.scaled(lines, 1300, 1105);
        assertThat(OrderLine.total(scaled)).isEqualTo(1105);
        assertThat(scaled).extracting(OrderLine::item).containsExactly("Horchata", "Tacos");
    }
}
