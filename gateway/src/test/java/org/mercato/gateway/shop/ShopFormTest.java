package org.mercato.gateway.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercato.gateway.turns.Turn;
import org.mercato.gateway.wire.WireCodec;

/** Form fields to wire actions, and what a shopper's page remembers of its turns. */
class ShopFormTest {
    private static JsonNode json(String text) throws Exception {
        return WireCodec.JSON.readTree(text);
    }

    private static Turn turn(long number, String... observations) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String observation : observations) {
            nodes.add(json(observation));
        }
        return new Turn("a1", number, number * 1000, nodes);
    }

    private static String actions(Map<String, String> fields, ShopperView view) {
        return WireCodec.text(ShopForm.actions(fields::get, view.snapshot()));
    }

    private static final String STARTED = "{\"type\":\"started\",\"customer\":{\"id\":\"a1\",\"name\":\"Ann\","
            + "\"request\":\"tacos\",\"items\":{\"salsa\":1,\"taco\":2},\"budget\":2000}}";
    private static final String PROPOSAL =
            "{\"type\":\"proposal\",\"proposal\":{\"id\":\"p1\",\"service\":\"s1\"," + "\"lines\":[],\"total\":700}}";

    @Test
    void eachFormIsOneWireAction() throws Exception {
        ShopperView view = new ShopperView();
        view.absorb(turn(0, STARTED));
        assertThat(actions(Map.of("action", "search", "query", " tacos "), view))
                .isEqualTo("[{\"type\":\"search\",\"query\":\"tacos\"}]");
        assertThat(actions(Map.of("action", "search", "query", "tacos", "page", "2"), view))
                .isEqualTo("[{\"type\":\"search\",\"query\":\"tacos\",\"page\":2}]");
        assertThat(actions(Map.of("action", "ask", "service", "s1"), view))
                .isEqualTo("[{\"type\":\"message\",\"to\":\"s1\",\"text\":\"" + ShopForm.ASK_TEXT
                        + "\",\"items\":{\"salsa\":1,\"taco\":2}}]");
        assertThat(actions(Map.of("action", "pay", "proposal", "p1"), view))
                .isEqualTo("[{\"type\":\"pay\",\"proposalId\":\"p1\"}]");
        assertThat(actions(Map.of("action", "decline", "proposal", "p1"), view))
                .isEqualTo("[{\"type\":\"decline\",\"proposalId\":\"p1\"}]");
        assertThat(actions(Map.of("action", "wait", "seconds", "30"), view))
                .isEqualTo("[{\"type\":\"wait\",\"seconds\":30.0}]");
        assertThat(actions(Map.of("action", "done"), view))
                .isEqualTo("[{\"type\":\"done\",\"reason\":\"no-purchase\"}]");
        assertThat(actions(Map.of("action", "done", "reason", "too dear"), view))
                .isEqualTo("[{\"type\":\"done\",\"reason\":\"too dear\"}]");
        // every form decodes as an assistant's actions
        for (String action : List.of("search", "ask", "pay", "decline", "wait", "done")) {
            Map<String, String> fields =
                    Map.of("action", action, "query", "q", "service", "s1", "proposal", "p1", "seconds", "5");
            assertThat(WireCodec.assistantActions(
                            ShopForm.actions(fields::get, view.snapshot()),
                            new org.mercato.gateway.wire.WireContext(0, Map.of("p1", 700L))))
                    .hasSize(1);
        }
    }

    @Test
    void aFormWithoutItsFieldsIsOneClearLine() {
        ShopperView view = new ShopperView();
        assertThatThrownBy(() -> actions(Map.of(), view))
                .hasMessage("the form needs \"action\", one of search, ask, pay, decline, done, wait");
        assertThatThrownBy(() -> actions(Map.of("action", "pay"), view)).hasMessage("pay needs \"proposal\"");
        assertThatThrownBy(() -> actions(Map.of("action", "search", "query", "  "), view))
                .hasMessage("search needs \"query\"");
        assertThatThrownBy(() -> actions(Map.of("action", "wait", "seconds", "soon"), view))
                .hasMessage("wait needs \"seconds\" (a number of seconds > 0)");
        assertThatThrownBy(() -> actions(Map.of("action", "search", "query", "q", "page", "two"), view))
                .hasMessage("\"page\" must be an integer");
    }

    @Test
    void theViewTakesEachTurnOnceFollowsItsProposalsAndStartsAfreshEachVisit() throws Exception {
        ShopperView view = new ShopperView();
        view.absorb(turn(0, STARTED));
        view.absorb(turn(1, PROPOSAL, "{\"type\":\"message\",\"from\":\"s1\",\"text\":\"hi\"}"));
        view.absorb(turn(1, PROPOSAL, "{\"type\":\"message\",\"from\":\"s1\",\"text\":\"hi\"}")); // a reload
        assertThat(view.snapshot().offers())
                .extracting(ShopperView.Offer::status)
                .containsExactly(ShopperView.Status.OPEN);
        assertThat(view.snapshot().messages()).containsExactly(new ShopperView.Said("s1", "hi"));

        view.answered(List.of(json("{\"type\":\"pay\",\"proposalId\":\"p1\"}")));
        assertThat(view.snapshot().offers().get(0).status()).isEqualTo(ShopperView.Status.PAYING);
        view.absorb(turn(2, "{\"type\":\"rejected\",\"action\":\"pay\",\"ref\":\"p1\",\"reason\":\"expired\"}"));
        assertThat(view.snapshot().offers().get(0))
                .extracting(ShopperView.Offer::status, ShopperView.Offer::note)
                .containsExactly(ShopperView.Status.REJECTED, "expired");
        view.absorb(turn(3, "{\"type\":\"payment-settled\",\"proposalId\":\"p1\",\"amount\":700}"));
        assertThat(view.snapshot().paid()).isTrue();
        assertThat(actions(Map.of("action", "done"), view)).isEqualTo("[{\"type\":\"done\",\"reason\":\"purchased\"}]");

        view.absorb(turn(4, STARTED));
        assertThat(view.snapshot().offers()).isEmpty();
        assertThat(view.snapshot().messages()).isEmpty();
        assertThat(view.snapshot().results()).isNull();
    }
}
