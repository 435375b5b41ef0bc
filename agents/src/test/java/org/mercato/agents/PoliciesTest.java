package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

class PoliciesTest {
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();

    /** Wants one taco (worth 10.00) and one horchata (3.00), needs outdoor seating. */
    private static final Customer ANA = new Customer(
            "ana",
            "Ana",
            "tacos and horchata",
            new TreeMap<>(Map.of("Tacos", 1, "Horchata", 1)),
            new TreeMap<>(Map.of("Tacos", 1000L, "Horchata", 300L)),
            new java.util.TreeSet<>(Set.of("Outdoor Seating")),
            5_000);

    private static AgentContext at(long now) {
        SplittableRandom random = new SplittableRandom(1);
        return AgentContext.of("ana", now, random);
    }

    private static ListingView listing(int rank, String id, Set<String> amenities) {
        return new ListingView(
                rank, id, id, "", 4.0, 10, new java.util.TreeSet<>(amenities), new TreeMap<>(), rank, 1, null);
    }

    private static Proposal proposal(String id, String service, long tacos, long horchata) {
        List<OrderLine> lines = List.of(new OrderLine("Horchata", 1, horchata), new OrderLine("Tacos", 1, tacos));
        return new Proposal(id, service, "ana", lines, OrderLine.total(lines), 0, 1_000_000_000);
    }

    /** Starts a shopper and feeds it a results page with services a, b, c (c lacks the amenity). */
    private static List<AssistantAction> shopUntilInquiries(AssistantPolicy shopper) {
        assertThat(shopper.onObservation(new AssistantStarted(ANA), at(0)))
                .containsExactly(new Search("tacos and horchata"));
        return shopper.onObservation(
                new SearchResults(
                        "tacos and horchata",
                        0,
                        1,
                        List.of(
                                listing(1, "a", Set.of("Outdoor Seating")),
                                listing(2, "b", Set.of("Outdoor Seating", "Free Wifi")),
                                listing(3, "c", Set.of()))),
                at(10));
    }

    @Test
    void rationalAsksTheTopKWaitsForAllAndPaysTheHighestUtility() {
        AssistantPolicy rational = REGISTRY.assistant("rational", Map.of("inquiries", 3, "patience", "2s"))
                .get();
        List<AssistantAction> inquiries = shopUntilInquiries(rational);
        assertThat(inquiries).hasSize(4).last().isEqualTo(new Wait(2_000_010));
        assertThat(inquiries.subList(0, 3)).extracting(a -> ((Message) a).to()).containsExactly("a", "b", "c");
        assertThat(((Message) inquiries.get(0)).items())
                .containsEntry("Tacos", 1)
                .containsEntry("Horchata", 1);

        // c is cheapest but lacks the amenity: utility = -total. b beats a.
        assertThat(rational.onObservation(new ProposalReceived(proposal("p1", "a", 900, 300)), at(20)))
                .isEmpty();
        assertThat(rational.onObservation(new ProposalReceived(proposal("p2", "c", 100, 100)), at(30)))
                .isEmpty();
        List<AssistantAction> decision =
                rational.onObservation(new ProposalReceived(proposal("p3", "b", 800, 250)), at(40));
        assertThat(decision).containsExactly(new Pay("p3", 1050));

        List<AssistantAction> after = rational.onObservation(new PaymentSettled("p3", "ana", "b", 1050), at(50));
        assertThat(after).containsExactly(new Decline("p1"), new Decline("p2"), new Done("purchased"));
        assertThat(rational.onObservation(new WokenUp(2_000_010), at(2_000_010)))
                .isEmpty();
    }

    @Test
    void rationalDecidesWithWhatItHasWhenPatienceRunsOut() {
        AssistantPolicy rational = REGISTRY.assistant("rational", Map.of()).get();
        shopUntilInquiries(rational);
        assertThat(rational.onObservation(new ProposalReceived(proposal("p1", "a", 900, 300)), at(20)))
                .isEmpty();
        assertThat(rational.onObservation(new WokenUp(5_000_010), at(5_000_010)))
                .containsExactly(new Pay("p1", 1200));
    }

    @Test
    void rationalGivesUpWhenNoProposalHasPositiveUtility() {
        AssistantPolicy rational =
                REGISTRY.assistant("rational", Map.of("inquiries", 1)).get();
        shopUntilInquiries(rational);
        // 2 x 13.00 = 26.00 of value, but the proposal costs 30.00
        List<AssistantAction> decision =
                rational.onObservation(new ProposalReceived(proposal("p1", "a", 2_700, 300)), at(20));
        assertThat(decision).containsExactly(new Decline("p1"), new Done("no-acceptable-proposal"));
    }

    @Test
    void satisficerPaysTheFirstAcceptableProposalAndDeclinesLaterOnes() {
        AssistantPolicy satisficer =
                REGISTRY.assistant("satisficer", Map.of("inquiries", 3)).get();
        shopUntilInquiries(satisficer);
        // c answers first but lacks the amenity; then a, acceptable though b will be cheaper.
        assertThat(satisficer.onObservation(new ProposalReceived(proposal("p1", "c", 100, 100)), at(20)))
                .isEmpty();
        assertThat(satisficer.onObservation(new ProposalReceived(proposal("p2", "a", 900, 300)), at(30)))
                .containsExactly(new Pay("p2", 1200));
        assertThat(satisficer.onObservation(new ProposalReceived(proposal("p3", "b", 100, 100)), at(40)))
                .isEmpty();
        assertThat(satisficer.onObservation(new PaymentSettled("p2", "ana", "a", 1200), at(50)))
                .containsExactly(new Decline("p1"), new Decline("p3"), new Done("purchased"));
    }

    @Test
    void anAssistantWithNoSearchResultsStops() {
        AssistantPolicy rational = REGISTRY.assistant("rational", Map.of()).get();
        rational.onObservation(new AssistantStarted(ANA), at(0));
        assertThat(rational.onObservation(new SearchResults("q", 0, 0, List.of()), at(5)))
                .containsExactly(new Done("no-results"));
    }

    @Test
    void postedPriceServiceProposesWhatItCarriesAtMenuPrices() {
        ServicePolicy seller =
                REGISTRY.service("posted-price", Map.of("validity", "1m")).get();
        Service shop = Service.of("a", Map.of("Tacos", 950L, "Flan", 400L), Set.of(), 4.0, 3);
        assertThat(seller.onObservation(new ServiceStarted(shop), at(0))).isEmpty();

        List<ServiceAction> answer = seller.onObservation(
                new MessageReceived("ana", "hi", new TreeMap<>(Map.of("Tacos", 2, "Horchata", 1))), at(100));
        assertThat(answer)
                .containsExactly(new Propose("ana", List.of(new OrderLine("Tacos", 2, 950)), 1900, 60_000_100));

        List<ServiceAction> none =
                seller.onObservation(new MessageReceived("ana", "hi", new TreeMap<>(Map.of("Horchata", 1))), at(200));
        assertThat(none).singleElement().isInstanceOf(Reply.class);
        assertThat(((Reply) none.get(0)).text()).contains("do not carry Horchata");
    }

    @Test
    void unknownPoliciesAndParametersAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> REGISTRY.assistant("greedy", Map.of()))
                .isInstanceOf(UnknownPolicyException.class)
                .hasMessageContaining("'greedy'")
                .hasMessageContaining("rational");
        assertThatThrownBy(() -> REGISTRY.assistant("rational", Map.of("inquries", 2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("inquries")
                .hasMessageContaining("inquiries");
        assertThatThrownBy(() -> REGISTRY.assistant("rational", Map.of("inquiries", 0)))
                .hasMessageContaining(">= 1");
        assertThatThrownBy(() -> REGISTRY.service("posted-price", Map.of("validity", "soon")))
                .hasMessageContaining("validity");
    }

    @Test
    void syntheticWorkLeavesDecisionsUnchanged() {
        AssistantPolicy plain = REGISTRY.assistant("rational", Map.of()).get();
        AssistantPolicy heavy =
                SyntheticWork.around(REGISTRY.assistant("rational", Map.of()).get(), 5_000);
        assertThat(shopUntilInquiries(heavy)).isEqualTo(shopUntilInquiries(plain));
        assertThatThrownBy(() -> new SyntheticWork(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
