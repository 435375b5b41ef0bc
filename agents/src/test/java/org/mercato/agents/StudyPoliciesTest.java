package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mercato.agents.Shopping.ANA;
import static org.mercato.agents.Shopping.at;
import static org.mercato.agents.Shopping.priced;
import static org.mercato.agents.Shopping.proposal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.agents.assistant.AttentionBoundedAssistant;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.Tactic;
import org.mercato.agents.service.ListingRewrite;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.SearchResults;

/** The policies the bundled studies add: attention-bounded, susceptible, and the keyword rewrite. */
class StudyPoliciesTest {
    static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();

    static List<String> recipients(List<AssistantAction> actions) {
        return actions.stream()
                .filter(Message.class::isInstance)
                .map(a -> ((Message) a).to())
                .toList();
    }

    static SearchResults page() {
        return new SearchResults(
                "q",
                0,
                1,
                List.of(
                        priced(1, "dear", 1_100, 300, 4.0, 10, 1, 1, ""),
                        priced(2, "cheap", 700, 200, 4.0, 10, 2, 1, ""),
                        priced(3, "mid", 900, 300, 4.0, 10, 3, 1, Tactic.AUTHORITY.template())));
    }

    @Test
    void attentionBoundedWithoutNoiseAsksTheBestListingAndPaysAWorthwhileProposal() {
        AssistantPolicy shopper =
                REGISTRY.assistant("attention-bounded", Map.of("noise", 0)).get();
        shopper.onObservation(new AssistantStarted(ANA), at(0));
        assertThat(recipients(shopper.onObservation(page(), at(10)))).containsExactly("cheap");
        assertThat(shopper.onObservation(new ProposalReceived(proposal("p1", "cheap", 700, 200)), at(20)))
                .containsExactly(new Pay("p1", 900));
    }

    @Test
    void attentionBoundedStopsWhenTheAskedServiceHasNothingToOffer() {
        AssistantPolicy shopper =
                REGISTRY.assistant("attention-bounded", Map.of("noise", 0)).get();
        shopper.onObservation(new AssistantStarted(ANA), at(0));
        shopper.onObservation(page(), at(10));
        assertThat(shopper.onObservation(new MessageReceived("cheap", "Sorry", new TreeMap<>()), at(20)))
                .containsExactly(new Done("no-proposal"));
    }

    @Test
    void attentionBoundedErrorGrowsWithTheConsiderationSet() {
        var shopper = new AttentionBoundedAssistant(2.0, 0.5, 1);
        assertThat(shopper.errorSd(1)).isEqualTo(2.0);
        assertThat(shopper.errorSd(100)).isEqualTo(20.0);
        assertThat(new AttentionBoundedAssistant(2.0, 0, 1).errorSd(100)).isEqualTo(2.0);
    }

    @Test
    void attentionBoundedWithLargeNoiseSometimesPicksAWorseListing() {
        int notCheapest = 0;
        for (int seed = 0; seed < 200; seed++) {
            AssistantPolicy shopper = REGISTRY.assistant("attention-bounded", Map.of("noise", 5.0))
                    .get();
            shopper.onObservation(new AssistantStarted(ANA), at(0));
            var actions = shopper.onObservation(page(), at(10, new SplittableRandom(seed)));
            notCheapest += recipients(actions).contains("cheap") ? 0 : 1;
        }
        assertThat(notCheapest).isBetween(40, 160);
    }

    @Test
    void aSusceptibleShopperCapturedByATacticPaysItsServiceAtOnce() {
        AssistantPolicy shopper = REGISTRY.assistant("susceptible", Map.of("susceptibility", Map.of("authority", 1.0)))
                .get();
        shopper.onObservation(new AssistantStarted(ANA), at(0));
        assertThat(recipients(shopper.onObservation(page(), at(10)))).containsExactly("dear", "cheap", "mid");
        // the rational choice would be "cheap", but the authority text captured it
        assertThat(shopper.onObservation(new ProposalReceived(proposal("p1", "cheap", 700, 200)), at(20)))
                .isEmpty();
        assertThat(shopper.onObservation(new ProposalReceived(proposal("p2", "mid", 900, 300)), at(30)))
                .containsExactly(new Pay("p2", 1200));
    }

    @Test
    void aResistantShopperPaysTheBestProposalWhateverTheTactics() {
        AssistantPolicy shopper = REGISTRY.assistant("susceptible", Map.of()).get();
        shopper.onObservation(new AssistantStarted(ANA), at(0));
        shopper.onObservation(page(), at(10));
        shopper.onObservation(new ProposalReceived(proposal("p1", "dear", 1_100, 300)), at(20));
        shopper.onObservation(new ProposalReceived(proposal("p2", "mid", 900, 300)), at(21));
        assertThat(shopper.onObservation(new ProposalReceived(proposal("p3", "cheap", 700, 200)), at(22)))
                .containsExactly(new Pay("p3", 900));
    }

    @Test
    void susceptibilityMustBeAProbabilityOfAKnownTactic() {
        assertThatThrownBy(() -> REGISTRY.assistant("susceptible", Map.of("susceptibility", Map.of("authority", 1.5))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("probability in [0, 1]");
        assertThatThrownBy(() -> REGISTRY.assistant("susceptible", Map.of("susceptibility", Map.of("flattery", 0.5))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("unknown name 'flattery'");
    }

    @Test
    void theKeywordRewriteListsTheMenuItemsBuyersAskForMostRequestedFirst() {
        Service taqueria = Service.of(
                "t1",
                new TreeMap<>(Map.of("Tacos", 900L, "Horchata", 300L, "Flan", 400L)),
                new TreeSet<>(Set.of()),
                4.0,
                10);
        Service rewritten = ListingRewrite.keywords(
                taqueria.withDescription("A taqueria."),
                List.of("Looking for tacos", "Horchata and Tacos please", "a burrito"));
        assertThat(rewritten.description()).isEqualTo("A taqueria. Popular here: Tacos, Horchata.");
        assertThat(ListingRewrite.keywords(taqueria, List.of("a burrito"))).isEqualTo(taqueria);
        assertThatThrownBy(() -> REGISTRY.service("posted-price", Map.of("rewrite", "shout")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("[none, keywords, llm]");
    }

    @Test
    void theLlmAssistantIgnoresABehaviouralGroupsParameters() {
        assertThat(PolicyRegistry.isBehaviouralBuiltIn("rational")).isTrue();
        assertThat(PolicyRegistry.isBehaviouralBuiltIn("llm-assistant")).isFalse();
        assertThat(PolicyRegistry.isBehaviouralBuiltIn("com.example.Mine")).isFalse();
        for (String name : REGISTRY.assistantNames()) {
            if (!PolicyRegistry.isLlmPolicy(name)) {
                assertThat(PolicyRegistry.isBehaviouralBuiltIn(name)).as(name).isTrue();
            }
        }
        for (String name : REGISTRY.serviceNames()) {
            if (!PolicyRegistry.isLlmPolicy(name)) {
                assertThat(PolicyRegistry.isBehaviouralBuiltIn(name)).as(name).isTrue();
            }
        }
    }
}
