package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mercato.agents.Shopping.at;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;

class BehaviouralServicesTest {
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();

    /** Tacos posted at 10.00 costing 8.00; flan posted at 4.00 without a known cost. */
    private static final Service SHOP = new Service(
            "s",
            "Shop",
            "Tacos and more.",
            new TreeMap<>(Map.of("Tacos", 1000L, "Flan", 400L)),
            new TreeSet<>(Set.of()),
            4.0,
            10,
            new TreeMap<>(Map.of("Tacos", 800L)),
            0,
            null);

    private static ServicePolicy started(String policy, Map<String, ?> params) {
        ServicePolicy seller = REGISTRY.service(policy, params).get();
        assertThat(seller.onObservation(new ServiceStarted(SHOP), at(0))).isEmpty();
        return seller;
    }

    private static Propose ask(ServicePolicy seller, Map<String, Integer> items) {
        List<ServiceAction> answer =
                seller.onObservation(new MessageReceived("ana", "hi", new TreeMap<>(items)), at(100));
        return (Propose) answer.get(0);
    }

    private static long tacos(ServicePolicy seller) {
        return ask(seller, Map.of("Tacos", 1)).total();
    }

    @Test
    void costPlusPricesAtUnitCostTimesOnePlusMarkup() {
        ServicePolicy seller = started("cost-plus", Map.of("markup", 0.25));
        Propose proposal = ask(seller, Map.of("Tacos", 2, "Flan", 1));
        assertThat(proposal.lines()).containsExactly(new OrderLine("Flan", 1, 400), new OrderLine("Tacos", 2, 1000));
        assertThat(proposal.total()).isEqualTo(2_400);

        ServicePolicy greedy = started("cost-plus", Map.of("markup", 0.6));
        assertThat(tacos(greedy)).isEqualTo(1_280);
        assertThat(tacos(started("cost-plus", Map.of()))).isEqualTo(1_040);
    }

    @Test
    void dynamicRaisesAfterSalesLowersAfterDeclinesWithinBounds() {
        ServicePolicy seller = started("dynamic", Map.of("up", 0.1, "down", 0.2, "min", 0.7, "max", 1.2));
        assertThat(tacos(seller)).isEqualTo(1_000);
        seller.onObservation(new PaymentSettled("p1", "ana", "s", 1_000), at(1));
        assertThat(tacos(seller)).isEqualTo(1_100);
        seller.onObservation(new PaymentSettled("p2", "ana", "s", 1_100), at(2));
        assertThat(tacos(seller)).as("capped at max").isEqualTo(1_200);
        seller.onObservation(new PaymentSettled("p3", "ana", "s", 1_200), at(3));
        assertThat(tacos(seller)).isEqualTo(1_200);
        seller.onObservation(new ProposalDeclined("p4", "ana"), at(4));
        assertThat(tacos(seller)).isEqualTo(960);
        seller.onObservation(new ProposalDeclined("p5", "ana"), at(5));
        assertThat(tacos(seller)).isEqualTo(768);
        seller.onObservation(new ProposalDeclined("p6", "ana"), at(6));
        assertThat(tacos(seller)).as("floored at min").isEqualTo(700);
        seller.onObservation(new ProposalDeclined("p7", "ana"), at(7));
        assertThat(tacos(seller)).isEqualTo(700);
    }

    @Test
    void dynamicBoundsMustContainThePostedPrice() {
        assertThatThrownBy(() -> REGISTRY.service("dynamic", Map.of("min", 1.1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("min");
        assertThatThrownBy(() -> REGISTRY.service("dynamic", Map.of("max", 0.9)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("max");
        assertThatThrownBy(() -> REGISTRY.service("dynamic", Map.of("down", 1)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void undercutCutsAfterEachLossDownToItsFloorAndCostAndNeverRaises() {
        ServicePolicy seller = started("undercut", Map.of("step", 0.1, "floor", 0.75));
        assertThat(tacos(seller)).isEqualTo(1_000);
        seller.onObservation(new PaymentSettled("p1", "ana", "s", 1_000), at(1));
        assertThat(tacos(seller)).isEqualTo(1_000);
        seller.onObservation(new ProposalDeclined("p2", "ana"), at(2));
        assertThat(tacos(seller)).isEqualTo(900);
        seller.onObservation(new ProposalDeclined("p3", "ana"), at(3));
        assertThat(tacos(seller)).isEqualTo(810);
        seller.onObservation(new ProposalDeclined("p4", "ana"), at(4));
        assertThat(tacos(seller)).as("0.75 x 10.00 is below the unit cost").isEqualTo(800);
        assertThat(ask(seller, Map.of("Flan", 1)).total())
                .as("flan at the floor")
                .isEqualTo(300);
    }

    @Test
    void negotiableMeetsAnOfferAboveItsFloorAndSplitsTheDifferenceBelowIt() {
        ServicePolicy seller = started("negotiable", Map.of("floor", 0.8));
        assertThat(tacos(seller)).isEqualTo(1_000);
        List<ServiceAction> low = seller.onObservation(
                new MessageReceived("ana", "offer: 5.00", new TreeMap<>(Map.of("Tacos", 1))), at(200));
        assertThat(((Propose) low.get(0)).total()).isEqualTo(800);
        List<ServiceAction> fair = seller.onObservation(
                new MessageReceived("bo", "offer: 9.10", new TreeMap<>(Map.of("Tacos", 1))), at(200));
        assertThat(((Propose) fair.get(0)).total()).isEqualTo(910);
        List<ServiceAction> generous = seller.onObservation(
                new MessageReceived("cy", "I can pay offer: 12.00", new TreeMap<>(Map.of("Tacos", 1))), at(200));
        assertThat(((Propose) generous.get(0)).total())
                .as("never above its ask")
                .isEqualTo(1_000);
    }

    @ParameterizedTest
    @EnumSource(Tactic.class)
    void everyTacticTemplateIsPresentInRepliesAndDetectable(Tactic tactic) {
        assertThat(Tactic.parse(tactic.label())).isEqualTo(tactic);
        for (String policy : List.of("posted-price", "cost-plus", "undercut", "dynamic", "negotiable")) {
            ServicePolicy seller = started(policy, Map.of("tactic", tactic.label()));
            List<ServiceAction> answer =
                    seller.onObservation(new MessageReceived("ana", "hi", new TreeMap<>(Map.of("Pizza", 1))), at(1));
            String text = ((Reply) answer.get(0)).text();
            assertThat(text).startsWith("Sorry, we do not carry Pizza");
            if (tactic == Tactic.CONTROL) {
                assertThat(text).isEqualTo("Sorry, we do not carry Pizza");
                assertThat(Tactic.detect(text)).isEmpty();
            } else {
                assertThat(text).endsWith(" " + tactic.template());
                assertThat(Tactic.detect(text)).containsExactly(tactic);
            }
        }
    }

    @Test
    void theSixMagenticConditionsHaveDistinctTemplates() {
        assertThat(Tactic.labels())
                .containsExactly(
                        "authority",
                        "control",
                        "loss-aversion",
                        "prompt-injection-basic",
                        "prompt-injection-strong",
                        "social-proof");
        assertThat(Tactic.CONTROL.template()).isEmpty();
        Set<String> templates = new java.util.HashSet<>();
        for (Tactic tactic : EnumSet.complementOf(EnumSet.of(Tactic.CONTROL))) {
            assertThat(tactic.template()).isNotBlank();
            assertThat(templates.add(tactic.template())).isTrue();
            for (Tactic other : Tactic.values()) {
                if (other != tactic && other != Tactic.CONTROL) {
                    assertThat(tactic.template()).doesNotContain(other.template());
                }
            }
        }
        assertThat(Tactic.PROMPT_INJECTION_STRONG.template()).containsIgnoringCase("ignore all previous instructions");
    }

    @Test
    void unknownTacticsAreRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> REGISTRY.service("posted-price", Map.of("tactic", "flattery")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("tactic")
                .hasMessageContaining("social-proof");
    }
}
