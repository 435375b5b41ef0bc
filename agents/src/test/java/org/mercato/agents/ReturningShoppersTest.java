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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/** Behavioural shoppers over several visits: a fresh round per visit, and the seller memory's rules. */
class ReturningShoppersTest {
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();
    private static final Map<String, Object> MEMORY = Map.of("keep", 0.8, "avoid", 0.5, "weight", 0.5);
    private static final long DAY = 86_400_000_000L;
    private static final List<ListingView> PAGE = List.of(
            priced(1, "a", 900, 300, 4.0, 10, 1, 1, ""),
            priced(2, "b", 950, 300, 4.0, 10, 1, 2, ""),
            priced(3, "c", 990, 300, 4.0, 10, 1, 3, ""));

    private static AssistantPolicy rational(boolean memory) {
        return REGISTRY.assistant(
                        "rational",
                        memory ? Map.of("inquiries", 2, "patience", "1s", "memory", MEMORY) : Map.of("inquiries", 2))
                .get();
    }

    private static List<String> recipients(List<AssistantAction> actions) {
        return actions.stream()
                .filter(Message.class::isInstance)
                .map(a -> ((Message) a).to())
                .toList();
    }

    /** One visit at {@code t0} in which a rational shopper asks a and b and buys from a. */
    private static List<AssistantAction> buyFromA(AssistantPolicy shopper, int visit, long t0) {
        List<AssistantAction> actions = new ArrayList<>();
        actions.addAll(shopper.onObservation(new AssistantStarted(ANA, visit), at(t0)));
        actions.addAll(shopper.onObservation(new SearchResults("tacos and horchata", 0, 1, PAGE), at(t0 + 10)));
        actions.addAll(shopper.onObservation(new ProposalReceived(proposal("pa" + visit, "a", 900, 300)), at(t0 + 20)));
        actions.addAll(shopper.onObservation(new ProposalReceived(proposal("pb" + visit, "b", 950, 300)), at(t0 + 30)));
        actions.addAll(shopper.onObservation(new PaymentSettled("pa" + visit, "ana", "a", 1200), at(t0 + 40)));
        return actions;
    }

    @Test
    void withoutMemoryEachVisitIsTheSameFreshRoundWhateverWasDelivered() {
        AssistantPolicy shopper = rational(false);
        List<AssistantAction> first = buyFromA(shopper, 0, 0);
        assertThat(first)
                .contains(new Search("tacos and horchata"), new Pay("pa0", 1200), new Decline("pb0"))
                .endsWith(new Done("purchased"));
        assertThat(shopper.onObservation(new OrderDelivered("pa0", "a", 0.0), at(100)))
                .isEmpty();
        List<AssistantAction> second = buyFromA(shopper, 1, DAY);
        assertThat(second)
                .isEqualTo(first.stream()
                        .map(a -> a instanceof Wait w ? new Wait(w.until() + DAY) : renamed(a))
                        .toList());
    }

    private static AssistantAction renamed(AssistantAction action) {
        if (action instanceof Pay p) {
            return new Pay(p.proposalId().replace('0', '1'), p.amount());
        }
        if (action instanceof Decline d) {
            return new Decline(d.proposalId().replace('0', '1'));
        }
        return action;
    }

    @Test
    void withMemoryButNothingDeliveredYetAVisitActsAsWithoutMemory() {
        for (String name : List.of("rational", "satisficer", "budgeted", "susceptible")) {
            AssistantPolicy plain = REGISTRY.assistant(name, Map.of()).get();
            AssistantPolicy remembering =
                    REGISTRY.assistant(name, Map.of("memory", Map.of())).get();
            assertThat(buyFromA(remembering, 0, 0)).as(name).isEqualTo(buyFromA(plain, 0, 0));
        }
    }

    @Test
    void aKeptSellerIsAskedFirstByIdWithoutSearchingAndPaidWhenItsProposalIsGood() {
        AssistantPolicy shopper = rational(true);
        buyFromA(shopper, 0, 0);
        assertThat(shopper.onObservation(new OrderDelivered("pa0", "a", 0.9), at(100)))
                .isEmpty();

        List<AssistantAction> start = shopper.onObservation(new AssistantStarted(ANA, 1), at(DAY));
        assertThat(start)
                .containsExactly(
                        Message.inquiry("a", "Please send me a proposal for " + ANA.items(), ANA.items()),
                        new Wait(DAY + 1_000_000));
        assertThat(shopper.onObservation(new ProposalReceived(proposal("pa1", "a", 900, 300)), at(DAY + 20)))
                .containsExactly(new Pay("pa1", 1200));
        assertThat(shopper.onObservation(new WokenUp(DAY + 1_000_000), at(DAY + 1_000_000)))
                .isEmpty();
        assertThat(shopper.onObservation(new PaymentSettled("pa1", "ana", "a", 1200), at(DAY + 40)))
                .containsExactly(new Done("purchased"));
    }

    @Test
    void aKeptSellerThatSendsNoProposalIsLeftOutOfTheSearchThatFollows() {
        AssistantPolicy shopper = rational(true);
        buyFromA(shopper, 0, 0);
        shopper.onObservation(new OrderDelivered("pa0", "a", 1.0), at(100));

        assertThat(recipients(shopper.onObservation(new AssistantStarted(ANA, 1), at(DAY))))
                .containsExactly("a");
        assertThat(shopper.onObservation(new MessageReceived("a", "sold out", null), at(DAY + 10)))
                .containsExactly(new Search("tacos and horchata"));
        List<AssistantAction> asks =
                shopper.onObservation(new SearchResults("tacos and horchata", 0, 1, PAGE), at(DAY + 20));
        assertThat(recipients(asks)).containsExactly("b", "c");
        assertThat(asks).contains(new Wait(DAY + 20 + 1_000_000));
        // the kept seller's own wait-up is stale; a late proposal of its own is declined
        assertThat(shopper.onObservation(new WokenUp(DAY + 1_000_000), at(DAY + 1_000_000)))
                .isEmpty();
        assertThat(shopper.onObservation(new ProposalReceived(proposal("late", "a", 100, 100)), at(DAY + 30)))
                .containsExactly(new Decline("late"));
        shopper.onObservation(new ProposalReceived(proposal("pb1", "b", 950, 300)), at(DAY + 40));
        assertThat(shopper.onObservation(new ProposalReceived(proposal("pc1", "c", 990, 300)), at(DAY + 50)))
                .containsExactly(new Pay("pb1", 1250));
    }

    @Test
    void aKeptSellerWhoseProposalIsNotWorthPayingIsDeclinedAndTheShopperSearches() {
        AssistantPolicy shopper = rational(true);
        buyFromA(shopper, 0, 0);
        shopper.onObservation(new OrderDelivered("pa0", "a", 1.0), at(100));
        shopper.onObservation(new AssistantStarted(ANA, 1), at(DAY));
        // 60.00 is over the budget of 50.00
        assertThat(shopper.onObservation(new ProposalReceived(proposal("dear", "a", 5_700, 300)), at(DAY + 10)))
                .containsExactly(new Decline("dear"), new Search("tacos and horchata"));
    }

    @Test
    void aSellerThatDisappointedIsAvoidedOnTheNextVisitAndForgivenOnlyByBetterDeliveries() {
        AssistantPolicy shopper = rational(true);
        buyFromA(shopper, 0, 0);
        shopper.onObservation(new OrderDelivered("pa0", "a", 0.2), at(100));

        assertThat(shopper.onObservation(new AssistantStarted(ANA, 1), at(DAY)))
                .containsExactly(new Search("tacos and horchata"));
        assertThat(recipients(shopper.onObservation(new SearchResults("tacos and horchata", 0, 1, PAGE), at(DAY + 10))))
                .containsExactly("b", "c");

        AssistantPolicy onlyBad = rational(true);
        buyFromA(onlyBad, 0, 0);
        onlyBad.onObservation(new OrderDelivered("pa0", "a", 0.2), at(100));
        onlyBad.onObservation(new AssistantStarted(ANA, 1), at(DAY));
        assertThat(onlyBad.onObservation(
                        new SearchResults("tacos and horchata", 0, 1, PAGE.subList(0, 1)), at(DAY + 10)))
                .containsExactly(new Done("all-avoided"));
    }

    @Test
    void aOneListingShopperReturnsToItsKeptSellerAndPicksAwayFromAnAvoidedOne() {
        // a logit buyer that all but surely picks the first listing when it is there
        Map<String, Object> params = Map.of("rank", -20.0, "logPrice", 0.0, "patience", "1s", "memory", MEMORY);
        AssistantPolicy kept = REGISTRY.assistant("logit", params).get();
        SplittableRandom random = new SplittableRandom(7);
        kept.onObservation(new AssistantStarted(ANA), at(0, random));
        assertThat(recipients(kept.onObservation(new SearchResults("q", 0, 1, PAGE), at(10, random))))
                .containsExactly("a");
        assertThat(kept.onObservation(new ProposalReceived(proposal("pa0", "a", 900, 300)), at(20, random)))
                .containsExactly(new Pay("pa0", 1200));
        kept.onObservation(new PaymentSettled("pa0", "ana", "a", 1200), at(30, random));
        kept.onObservation(new OrderDelivered("pa0", "a", 1.0), at(40, random));
        assertThat(kept.onObservation(new AssistantStarted(ANA, 1), at(DAY, random)))
                .containsExactly(
                        Message.inquiry("a", "Please send me a proposal for " + ANA.items(), ANA.items()),
                        new Wait(DAY + 1_000_000));

        AssistantPolicy avoiding = REGISTRY.assistant("logit", params).get();
        avoiding.onObservation(new AssistantStarted(ANA), at(0, random));
        avoiding.onObservation(new SearchResults("q", 0, 1, PAGE), at(10, random));
        avoiding.onObservation(new ProposalReceived(proposal("pa0", "a", 900, 300)), at(20, random));
        avoiding.onObservation(new PaymentSettled("pa0", "ana", "a", 1200), at(30, random));
        avoiding.onObservation(new OrderDelivered("pa0", "a", 0.1), at(40, random));
        assertThat(avoiding.onObservation(new AssistantStarted(ANA, 1), at(DAY, random)))
                .containsExactly(new Search("tacos and horchata"));
        assertThat(recipients(avoiding.onObservation(new SearchResults("q", 0, 1, PAGE), at(DAY + 10, random))))
                .containsExactly("b");
    }

    @Test
    void aOneListingShopperWhoseKeptSellerStaysSilentSearchesWithoutIt() {
        AssistantPolicy shopper = REGISTRY.assistant(
                        "attention-bounded", Map.of("noise", 0.0, "patience", "1s", "memory", MEMORY))
                .get();
        shopper.onObservation(new AssistantStarted(ANA), at(0));
        assertThat(recipients(shopper.onObservation(new SearchResults("q", 0, 1, PAGE), at(10))))
                .containsExactly("a");
        shopper.onObservation(new ProposalReceived(proposal("pa0", "a", 900, 300)), at(20));
        shopper.onObservation(new PaymentSettled("pa0", "ana", "a", 1200), at(30));
        shopper.onObservation(new OrderDelivered("pa0", "a", 0.95), at(40));

        assertThat(recipients(shopper.onObservation(new AssistantStarted(ANA, 1), at(DAY))))
                .containsExactly("a");
        assertThat(shopper.onObservation(new WokenUp(DAY + 1_000_000), at(DAY + 1_000_000)))
                .containsExactly(new Search("tacos and horchata"));
        assertThat(recipients(shopper.onObservation(new SearchResults("q", 0, 1, PAGE), at(DAY + 1_000_010))))
                .containsExactly("b");
    }

    @Test
    void aNegotiatorHagglesFirstWithItsKeptSeller() {
        Map<String, Object> params = Map.of("target", 1.0, "rounds", 1, "patience", "1s", "memory", MEMORY);
        AssistantPolicy buyer = REGISTRY.assistant("negotiator", params).get();
        buyer.onObservation(new AssistantStarted(ANA), at(0));
        assertThat(recipients(buyer.onObservation(new SearchResults("q", 0, 1, List.of(listing(1, "b"))), at(10))))
                .containsExactly("b");
        assertThat(buyer.onObservation(new ProposalReceived(proposal("pb0", "b", 900, 300)), at(20)))
                .containsExactly(new Pay("pb0", 1200));
        buyer.onObservation(new PaymentSettled("pb0", "ana", "b", 1200), at(30));
        buyer.onObservation(new OrderDelivered("pb0", "b", 1.0), at(40));

        assertThat(recipients(buyer.onObservation(new AssistantStarted(ANA, 1), at(DAY))))
                .containsExactly("b");
        // the kept seller says no: the buyer searches and haggles with the top other listing
        assertThat(buyer.onObservation(new MessageReceived("b", "closed", null), at(DAY + 10)))
                .containsExactly(new Search("tacos and horchata"));
        assertThat(recipients(buyer.onObservation(
                        new SearchResults("q", 0, 1, List.of(listing(1, "b"), listing(2, "c"))), at(DAY + 20))))
                .containsExactly("c");
    }

    @Test
    void aShopperThatIsDoneIgnoresDeliveriesAndLateObservationsUntilItsNextVisit() {
        for (String name : REGISTRY.assistantNames()) {
            if (PolicyRegistry.isLlmPolicy(name)) {
                continue;
            }
            AssistantPolicy shopper =
                    REGISTRY.assistant(name, Map.of("memory", MEMORY)).get();
            shopper.onObservation(new AssistantStarted(ANA), at(0));
            List<AssistantAction> end = shopper.onObservation(new SearchResults("q", 0, 1, List.of()), at(10));
            assertThat(end).as(name).containsExactly(new Done("no-results"));
            for (Observation late : List.<Observation>of(
                    new OrderDelivered("p", "a", 1.0), new WokenUp(20), new MessageReceived("a", "hi", null))) {
                assertThat(shopper.onObservation(late, at(20))).as(name).isEmpty();
            }
            assertThat(shopper.onObservation(new AssistantStarted(ANA, 1), at(DAY)))
                    .as(name)
                    .isNotEmpty();
        }
    }

    @Test
    void memoryIsCheckedWhenTheScenarioIsRead() {
        assertThatThrownBy(() -> REGISTRY.assistant("rational", Map.of("memory", Map.of("keep", 2))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("policy 'rational', parameter 'memory': keep must lie in [0, 1], got 2.0");
        assertThatThrownBy(() -> REGISTRY.assistant("negotiator", Map.of("memory", "yes")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("parameter 'memory': expected a map of names to numbers");
    }
}
