package org.mercato.scenarios.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.Suggestions;
import org.mercato.scenarios.model.Duration;
import org.mercato.scenarios.model.ThinkTimeConfig;

/** Turns Jackson's binding exceptions into one-line {@link ScenarioException}s. */
final class BindingErrors {
    private BindingErrors() {}

    /**
     * Translates a binding failure. {@code tree} is the document that was bound, used to describe
     * the offending value and to find unknown keys Jackson did not get to report.
     */
    static ScenarioException translate(JsonProcessingException e, JsonNode tree, ObjectMapper mapper, Locator where) {
        if (!(e instanceof JsonMappingException mapping)) {
            return where.error(KeyPath.ROOT, Locator.At.BEST, ScenarioException.oneLine(e.getOriginalMessage()));
        }
        KeyPath path = KeyPath.of(mapping.getPath());
        if (e instanceof PropertyBindingException unknown) {
            List<String> allowed = new ArrayList<>();
            unknown.getKnownPropertyIds().forEach(k -> allowed.add(String.valueOf(k)));
            if (unknown.getReferringClass() != null) {
                // Jackson's set has no useful order: list the keys in schema order
                List<String> order = properties(mapper.constructType(unknown.getReferringClass()), mapper);
                allowed.sort(Comparator.comparingInt(k -> order.contains(k) ? order.indexOf(k) : order.size()));
            }
            return where.error(path, Locator.At.KEY, unknownKey(unknown.getPropertyName(), allowed));
        }
        if (e instanceof ValueInstantiationException failed) {
            return constructorFailed(failed, path, tree, mapper, where);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            JsonNode value = path.find(tree);
            return where.error(
                    path,
                    Locator.At.VALUE,
                    "expected " + expected(mismatch.getTargetType(), mapper) + ", got "
                            + (value == null ? "something else" : describe(value)));
        }
        return where.error(path, Locator.At.BEST, ScenarioException.oneLine(mapping.getOriginalMessage()));
    }

    static String unknownKey(String name, Collection<?> allowed) {
        List<String> keys = new ArrayList<>();
        allowed.forEach(k -> keys.add(String.valueOf(k)));
        return "unknown key " + Excerpt.quoted(name) + "; allowed here: "
                + (keys.isEmpty() ? "none" : String.join(", ", keys))
                + Suggestions.hint(name, keys);
    }

    /**
     * A record constructor (or a {@code @JsonCreator}) refused the values. Jackson reports unknown
     * keys of such a record only after constructing it, so look for them first: {@code {min: 20ms,
     * mediam: 1s, sigma: 0.5}} is an unknown key, not a missing median. A message that starts with
     * one of the record's keys ({@code count must be >= 0}) is reported at that key.
     */
    private static ScenarioException constructorFailed(
            ValueInstantiationException e, KeyPath path, JsonNode tree, ObjectMapper mapper, Locator where) {
        JsonNode node = path.find(tree);
        List<String> known = properties(e.getType(), mapper);
        if (node != null && node.isObject() && !known.isEmpty()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    return where.error(path.child(name), Locator.At.KEY, unknownKey(name, known));
                }
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NullPointerException) {
            // List.copyOf and friends refuse null entries, such as "- ~" or a bare "-"
            KeyPath empty = firstNullEntry(node, path);
            if (empty != null) {
                return where.error(empty, Locator.At.KEY, "the list entry is empty");
            }
        }
        String problem = cause.getMessage();
        if (problem == null) {
            problem = withoutMessage(node, known);
        }
        problem = ScenarioException.oneLine(problem);
        int space = problem.indexOf(' ');
        if (space > 0 && known.contains(problem.substring(0, space))) {
            return where.error(path.child(problem.substring(0, space)), Locator.At.BEST, problem.substring(space + 1));
        }
        KeyPath named = space > 0 ? ownKey(problem.substring(0, space), path, known) : null;
        if (named != null) {
            return where.error(named, Locator.At.BEST, problem.substring(space + 1));
        }
        return where.error(path, Locator.At.BEST, problem);
    }

    /**
     * The key a message such as {@code sweep.factors.seed: needs a level} is about, when it starts
     * with the record's own key ({@code sweep}) and one of its fields; the rest is a mapping key,
     * which may hold dots. Null otherwise.
     */
    private static KeyPath ownKey(String word, KeyPath path, List<String> known) {
        if (word.endsWith(":")) {
            word = word.substring(0, word.length() - 1);
        }
        // a record bound on its own (a sweep file's top level) still names itself: sweep.replicates
        String own = path.last() instanceof String name
                ? name + "."
                : path.isRoot() && word.indexOf('.') > 0 ? word.substring(0, word.indexOf('.') + 1) : null;
        if (own == null || !word.startsWith(own)) {
            return null;
        }
        String rest = word.substring(own.length());
        int dot = rest.indexOf('.');
        String field = dot < 0 ? rest : rest.substring(0, dot);
        if (!known.contains(field)) {
            return null;
        }
        return dot < 0 ? path.child(field) : path.child(field).child(rest.substring(dot + 1));
    }

    private static KeyPath firstNullEntry(JsonNode node, KeyPath path) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                KeyPath entry = node.get(i).isNull() ? path.index(i) : firstNullEntry(node.get(i), path.index(i));
                if (entry != null) {
                    return entry;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                KeyPath entry = firstNullEntry(node.get(name), path.child(name));
                if (entry != null) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** The keys a record (or bean) accepts, in schema order; empty for other types. */
    static List<String> properties(JavaType type, ObjectMapper mapper) {
        if (type == null
                || type.isContainerType()
                || type.isEnumType()
                || type.isPrimitive()
                || type.getRawClass().getName().startsWith("java.")) {
            return List.of();
        }
        return mapper.getDeserializationConfig().introspect(type).findProperties().stream()
                .map(BeanPropertyDefinition::getName)
                .toList();
    }

    /** What a value of {@code type} looks like in a scenario file. */
    static String expected(Class<?> type, ObjectMapper mapper) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "a duration such as 250us, 20ms, 1.5s, 2m, 1h or 30d";
        }
        if (type == HeadlineMetric.class) {
            return "a metric name such as market.welfare.total, or a mapping {metric, title}";
        }
        if (type == ThinkTimeConfig.class) {
            return "a duration such as 20ms, or a mapping {min, max} or {min, median, sigma}";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(enumName(type, (Enum<?>) constant));
            }
            return "one of " + String.join(", ", names);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        if (type == Object.class) {
            return "a value";
        }
        List<String> keys = properties(mapper.constructType(type), mapper);
        return keys.isEmpty() ? "a mapping" : "a mapping with keys " + String.join(", ", keys);
    }

    private static String enumName(Class<?> type, Enum<?> constant) {
        try {
            JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    /** A value as a user would recognise it: {@code 'abc'}, {@code 12}, {@code a list}. */
    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return Excerpt.quoted(value.asText());
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return Excerpt.of(value.asText());
    }

    /** What to say when binding failed without a message: the keys a mapping lacks, if any. */
    private static String withoutMessage(JsonNode node, List<String> known) {
        if (node != null && node.isObject() && !known.isEmpty()) {
            List<String> missing = known.stream().filter(key -> !node.has(key)).toList();
            if (!missing.isEmpty()) {
                return "needs " + String.join(", ", missing) + " (expected a mapping with keys "
                        + String.join(", ", known) + ")";
            }
        }
        return "is not a valid value here";
    }
}
