package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SummaryMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void arraysOfObjectsAreKeyedByTheirDeclaredIdentifyingField() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"market": {"welfare": {"total": 12.5, "efficiency": null},
                  "firstProposal": {"delivery": "proposal",
                    "byPosition": [{"position": 1, "customers": 4, "rate": 0.75},
                                   {"position": 2, "customers": 4, "rate": 0.25}]},
                  "position": {"byTag": [{"tag": "sponsored", "share": 0.1}, {"tag": "(none)", "share": 0.9}]},
                  "choiceLogit": {"omitted": [], "fit": {"converged": true,
                    "coefficients": [{"name": "row2", "coef": -0.4, "se": 0.05, "z": -8, "p": 0.0}]}},
                  "manipulation": {"byTactic": [{"tactic": "control", "paymentShare": 0.4}]}},
                 "strategyAuction": {"share": {"small": 0.3},
                   "byDifficulty": [{"label": "difficulty 0.0-0.2", "share": {"small": 0.7}}],
                   "byPhase": [{"label": "auctions 1-80 (memory 0-79)", "tasks": 80},
                               {"label": "auctions 81-160 (memory 80-159)", "tasks": 80}]},
                 "cost": {"groups": [{"role": "assistant", "index": 0, "policy": "llm-assistant",
                                      "usage": {"httpCalls": 20}}]},
                 "warnings": ["a", "b"]}
                """);

        Map<String, Double> metrics = SummaryMetrics.flatten(summary);

        assertThat(metrics)
                .containsEntry("market.welfare.total", 12.5)
                .containsEntry("market.firstProposal.byPosition.1.rate", 0.75)
                .containsEntry("market.firstProposal.byPosition.2.customers", 4.0)
                .containsEntry("market.position.byTag.sponsored.share", 0.1)
                .containsEntry("market.position.byTag.(none).share", 0.9)
                .containsEntry("market.choiceLogit.fit.coefficients.row2.coef", -0.4)
                .containsEntry("market.choiceLogit.fit.coefficients.row2.se", 0.05)
                .containsEntry("market.choiceLogit.fit.converged", 1.0)
                .containsEntry("market.choiceLogit.omitted.count", 0.0)
                .containsEntry("market.manipulation.byTactic.control.paymentShare", 0.4)
                .containsEntry("strategyAuction.byDifficulty.0.0-0.2.share.small", 0.7)
                .containsEntry("strategyAuction.byPhase.2.tasks", 80.0)
                .containsEntry("cost.groups.assistant.0.usage.httpCalls", 20.0)
                .containsEntry("warnings.count", 2.0)
                .doesNotContainKeys("market.firstProposal.byPosition.1.position", "market.welfare.efficiency");
        assertThat(List.copyOf(metrics.keySet())).isSorted();
    }

    @Test
    void anUndeclaredArrayIsKeyedByOrdinalAndRepeatedIdentifiersStayApart() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"future": [{"x": 1}, {"x": 2}],
                 "market": {"position": {"byTag": [{"tag": "a", "share": 0.1}, {"tag": "a", "share": 0.2},
                                                   {"share": 0.3}]}}}
                """);

        assertThat(SummaryMetrics.flatten(summary))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "future.1.x", 1.0,
                        "future.2.x", 2.0,
                        "market.position.byTag.a.share", 0.1,
                        "market.position.byTag.a.share#2", 0.2,
                        "market.position.byTag.3.share", 0.3)));
    }

    /** Whatever the tree, every number and boolean gets its own name: nothing is lost to a collision. */
    @Property(tries = 200, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void everyNumberAndBooleanKeepsAName(@ForAll("trees") JsonNode tree) {
        Map<String, Double> metrics = SummaryMetrics.flatten(tree);

        assertThat(metrics).hasSize(leaves(tree));
        assertThat(SummaryMetrics.flatten(tree.deepCopy())).isEqualTo(metrics);
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return tree(3);
    }

    private static Arbitrary<JsonNode> tree(int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6).map(f::numberNode),
                Arbitraries.integers().map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.of("a", "b.c", "1").map(f::textNode),
                Arbitraries.just(f.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        // names that collide unless told apart: dotted ones, ordinals, an array's count
        Arbitrary<String> names = Arbitraries.of("a", "b", "a.b", "1", "a.1", "a.count");
        Arbitrary<JsonNode> object = Arbitraries.maps(names, tree(depth - 1))
                .ofMinSize(2)
                .ofMaxSize(4)
                .map(fields -> {
                    ObjectNode o = f.objectNode();
                    fields.forEach(o::set);
                    return o;
                });
        // elements of market.position.byTag when nested there: tags repeat or are missing
        Arbitrary<JsonNode> tagged = net.jqwik.api.Combinators.combine(
                        Arbitraries.of("s", "s.t", "1").injectNull(0.3), leaf, leaf)
                .as((tag, share, x) -> {
                    ObjectNode o = f.objectNode();
                    if (tag != null) {
                        o.put("tag", tag);
                    }
                    o.set("share", share);
                    o.set("x", x);
                    return o;
                });
        Arbitrary<JsonNode> array = Arbitraries.oneOf(tree(depth - 1), tagged)
                .list()
                .ofMaxSize(4)
                .map(elements -> {
                    ArrayNode a = f.arrayNode();
                    elements.forEach(a::add);
                    return a;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(3, object), net.jqwik.api.Tuple.of(2, array));
    }

    /** The values flatten must keep: numbers and booleans, an array of strings as one count. */
    private static int leaves(JsonNode node) {
        if (node.isNumber() || node.isBoolean()) {
            return 1;
        }
        if (node.isArray() && node.size() > 0) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(elements::add);
            if (elements.stream().allMatch(JsonNode::isTextual)) {
                return 1;
            }
        }
        int n = 0;
        for (JsonNode child : node) {
            n += leaves(child);
        }
        return n;
    }
}
