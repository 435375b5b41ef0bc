package org.mercato.metrics.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * summary.json as flat metrics: every number (and boolean, as 1 or 0) by a stable dotted name, the
 * form of {@code csv/metrics.csv}, the {@code metrics} table of {@code results.duckdb} and of a
 * sweep's {@code sweep.duckdb}. The naming rule (docs/metrics.md):
 *
 * <ul>
 *   <li>an object's field adds {@code .<field>}: {@code market.welfare.total};
 *   <li>an element of an array of objects adds {@code .<its identifying value>}, declared per array
 *       in {@link #ARRAYS} (the position, the tag, the tactic, the coefficient's name, ...), and the
 *       identifying fields are not repeated as values: {@code
 *       market.firstProposal.byPosition.1.rate}, {@code market.choiceLogit.fit.coefficients.row2.se};
 *       an array without a declaration is keyed by the element's ordinal, from 1;
 *   <li>an array of strings (warnings, omitted covariates; declared in {@link #ARRAYS} so that an
 *       empty one counts too) becomes its length, {@code <path>.count}; an array of numbers is
 *       keyed by ordinal, from 1;
 *   <li>strings and nulls are left out; should two values get the same name (two elements with the
 *       same identifying value), the later ones get {@code #2}, {@code #3}, ... appended.
 * </ul>
 *
 * Names are sorted, so the order is deterministic.
 */
public final class SummaryMetrics {
    /**
     * How the elements of each array in summary.json are named, by the array's path (its fields'
     * names from the root, {@code []} for an element of an enclosing array).
     */
    static final Map<String, ElementKey> ARRAYS = Map.ofEntries(
            Map.entry("market.firstProposal.byPosition", ElementKey.field("position")),
            Map.entry("periods", ElementKey.field("period")),
            Map.entry("market.position.byRank", ElementKey.field("value")),
            Map.entry("market.position.byRow", ElementKey.field("value")),
            Map.entry("market.position.byColumn", ElementKey.field("value")),
            Map.entry("market.position.byTag", ElementKey.field("tag")),
            Map.entry("market.choiceLogit.fit.coefficients", ElementKey.field("name")),
            Map.entry("market.manipulation.byTactic", ElementKey.field("tactic")),
            Map.entry("market.manipulation.byService", ElementKey.field("service")),
            Map.entry("strategyAuction.byDifficulty", ElementKey.fieldWithout("label", "difficulty ")),
            Map.entry("strategyAuction.byPhase", ElementKey.ORDINAL),
            Map.entry("market.choiceLogit.omitted", ElementKey.COUNT),
            Map.entry("market.choiceLogit.fit.causedBy", ElementKey.COUNT),
            Map.entry("cost.groups", ElementKey.fields("role", "index")),
            Map.entry("pricing.path", ElementKey.field("to")),
            Map.entry("pricing.impulse", ElementKey.field("period")),
            Map.entry("pricing.periods", ElementKey.field("period")),
            Map.entry("warnings", ElementKey.COUNT));

    private SummaryMetrics() {}

    /**
     * How an array's elements are named: by the values of {@code fields} joined with dots (the
     * first field's value without {@code prefix}), by ordinal from 1 when {@code fields} is empty,
     * or not at all when {@code count}: the array is its length, {@code <path>.count}.
     */
    record ElementKey(List<String> fields, String prefix, boolean count) {
        static final ElementKey ORDINAL = new ElementKey(List.of(), "", false);
        static final ElementKey COUNT = new ElementKey(List.of(), "", true);

        static ElementKey field(String field) {
            return new ElementKey(List.of(field), "", false);
        }

        static ElementKey fields(String... fields) {
            return new ElementKey(List.of(fields), "", false);
        }

        /** The field's value without a constant prefix ("difficulty 0.0-0.2" names "0.0-0.2"). */
        static ElementKey fieldWithout(String field, String prefix) {
            return new ElementKey(List.of(field), prefix, false);
        }

        /** The element's name, or its ordinal when an identifying field is missing. */
        String of(JsonNode element, int ordinal) {
            List<String> parts = new ArrayList<>();
            for (String field : fields) {
                JsonNode value = element.get(field);
                if (value == null || !value.isValueNode() || value.isNull()) {
                    return Integer.toString(ordinal);
                }
                parts.add(value.asText());
            }
            if (parts.isEmpty()) {
                return Integer.toString(ordinal);
            }
            String first = parts.get(0);
            if (!prefix.isEmpty() && first.startsWith(prefix)) {
                parts.set(0, first.substring(prefix.length()));
            }
            return String.join(".", parts);
        }
    }

    /** Every number and boolean of {@code summary} by its name; see the class comment for the rule. */
    public static SortedMap<String, Double> flatten(JsonNode summary) {
        SortedMap<String, Double> out = new TreeMap<>();
        flatten("", "", summary, List.of(), out);
        return out;
    }

    private static void flatten(
            String name, String schema, JsonNode node, List<String> skipFields, SortedMap<String, Double> out) {
        if (node.isNumber()) {
            put(name, node.asDouble(), out);
        } else if (node.isBoolean()) {
            put(name, node.asBoolean() ? 1.0 : 0.0, out);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (!skipFields.contains(f.getKey())) {
                    flatten(join(name, f.getKey()), join(schema, f.getKey()), f.getValue(), List.of(), out);
                }
            });
        } else if (node.isArray()) {
            array(name, schema, node, out);
        }
    }

    private static void array(String name, String schema, JsonNode array, SortedMap<String, Double> out) {
        ElementKey key = ARRAYS.getOrDefault(schema, ElementKey.ORDINAL);
        boolean strings = array.size() > 0;
        for (JsonNode element : array) {
            strings &= element.isTextual();
        }
        if (key.count() || strings) {
            put(join(name, "count"), array.size(), out);
            return;
        }
        int ordinal = 0;
        for (JsonNode element : array) {
            ordinal++;
            flatten(join(name, key.of(element, ordinal)), schema + "[]", element, key.fields(), out);
        }
    }

    private static void put(String name, double value, SortedMap<String, Double> out) {
        String unique = name;
        for (int n = 2; out.containsKey(unique); n++) {
            unique = name + "#" + n;
        }
        out.put(unique, value);
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
