package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mercato.scenarios.keys.KeyPath;

/**
 * {@code --set KEY=VALUE} overrides. KEY is a dotted path; a list entry is addressed by index,
 * written either {@code agents.assistants[0].count} or {@code agents.assistants.0.count}. Missing
 * mappings on the way are created, and an index equal to a list's size appends an entry. VALUE is
 * read as a YAML scalar, so {@code 5} is a number, {@code true} a boolean, {@code 20ms} and {@code
 * hello} strings, {@code ~} or nothing null (the default); a value starting with {@code {} or
 * {@code [} is a YAML flow mapping or list, such as {@code {min: 20ms, max: 2s}}.
 */
final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private Overrides() {}

    /** One segment of a KEY: a name, or an index (from {@code [n]}, or a name of digits only). */
    record Segment(String name, boolean bracketed) {
        boolean numeric() {
            return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
        }

        boolean isIndex() {
            return bracketed || numeric();
        }
    }

    /**
     * An override as given, and the path it resolved to once applied. {@code written} holds the text
     * as written of every scalar in the value that YAML read as a boolean or a number, by path
     * relative to the key (the root for a plain value), so a text key gets {@code off}, not {@code
     * false} (see {@link TextScalars}).
     */
    record Override(String key, List<Segment> segments, JsonNode value, Map<KeyPath, String> written, KeyPath path) {
        String source() {
            return "--set " + key;
        }
    }

    static List<Override> parse(List<String> texts, ObjectMapper mapper) {
        List<Override> out = new ArrayList<>();
        for (String text : texts) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new ScenarioException(
                        "--set " + text, "expected KEY=VALUE, such as agents.assistants[0].count=10");
            }
            String key = text.substring(0, eq).strip();
            String raw = text.substring(eq + 1).strip();
            if (raw.length() > YamlText.MAX_VALUE_CHARS) {
                throw new ScenarioException(
                        "--set " + Excerpt.of(key),
                        "the value is longer than the " + YamlText.MAX_VALUE_CHARS + " characters a value may have");
            }
            JsonNode value = value(key, raw, mapper);
            Map<KeyPath, String> written = value.isContainerNode()
                    ? writtenInside(raw, mapper)
                    : value.isBoolean() || value.isNumber() ? Map.of(KeyPath.ROOT, raw.strip()) : Map.of();
            out.add(new Override(key, segments(key), value, written, null));
        }
        return out;
    }

    /** The text as written of the booleans and numbers in a flow value, which has parsed already. */
    private static Map<KeyPath, String> writtenInside(String flow, ObjectMapper mapper) {
        try {
            return Map.copyOf(YamlIndex.parse(mapper, flow.strip()).written());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Segment> segments(String key) {
        if (key.isEmpty()) {
            throw new ScenarioException("--set", "a key is empty; expected KEY=VALUE, such as seed=7");
        }
        List<Segment> out = new ArrayList<>();
        for (String part : key.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()
                    || (m.group(1).isEmpty() && (out.isEmpty() || m.group(2).isEmpty()))) {
                throw new ScenarioException(
                        "--set " + key, "cannot read this key; write it like agents.assistants[0].params.inquiries");
            }
            if (!m.group(1).isEmpty()) {
                out.add(new Segment(m.group(1), false));
            }
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                out.add(new Segment(index.group(1), true));
            }
        }
        return out;
    }

    private static JsonNode value(String key, String raw, ObjectMapper mapper) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return NullNode.getInstance();
        }
        boolean flow = text.startsWith("{") || text.startsWith("[");
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                return NullNode.getInstance();
            }
            return node.isContainerNode() && !flow ? TextNode.valueOf(text) : node;
        } catch (JsonProcessingException e) {
            if (flow) {
                throw new ScenarioException(
                        "--set " + key,
                        "the value is not valid YAML: " + ScenarioException.oneLine(e.getOriginalMessage()));
            }
            return TextNode.valueOf(text);
        }
    }

    /** Applies {@code override} to {@code root} and returns it with the path it resolved to. */
    static Override apply(ObjectNode root, Override override) {
        JsonNode node = root;
        KeyPath path = KeyPath.ROOT;
        List<Segment> segments = override.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            JsonNode child;
            if (node instanceof ObjectNode object) {
                if (segment.bracketed()) {
                    throw new ScenarioException(
                            override.source(),
                            (path.isRoot() ? "the scenario" : path.toString())
                                    + " is a mapping, not a list; address its keys by name");
                }
                path = path.child(segment.name());
                if (last) {
                    object.set(segment.name(), override.value());
                    break;
                }
                child = object.get(segment.name());
                if (child == null || child.isNull()) {
                    child = segments.get(i + 1).isIndex()
                            ? object.putArray(segment.name())
                            : object.putObject(segment.name());
                }
            } else {
                ArrayNode array = (ArrayNode) node;
                if (!segment.isIndex()) {
                    throw new ScenarioException(
                            override.source(), path + " is a list; address an entry by index, such as " + path + "[0]");
                }
                int index = index(segment.name());
                if (index < 0 || index > array.size()) {
                    throw new ScenarioException(
                            override.source(),
                            path + " has " + array.size() + (array.size() == 1 ? " entry" : " entries") + "; index "
                                    + Excerpt.of(segment.name()) + " is out of range (use " + array.size()
                                    + " to add an entry)");
                }
                path = path.index(index);
                if (last) {
                    if (index == array.size()) {
                        array.add(override.value());
                    } else {
                        array.set(index, override.value());
                    }
                    break;
                }
                child = index < array.size() ? array.get(index) : null;
                if (child == null || child.isNull()) {
                    child = segments.get(i + 1).isIndex() ? array.arrayNode() : array.objectNode();
                    if (index == array.size()) {
                        array.add(child);
                    } else {
                        array.set(index, child);
                    }
                }
            }
            if (!child.isContainerNode()) {
                throw new ScenarioException(
                        override.source(),
                        path + " is a single value (" + BindingErrors.describe(child)
                                + "), not a mapping; set it as a whole, such as --set '" + path
                                + "={...}'");
            }
            node = child;
        }
        return new Override(override.key(), segments, override.value(), override.written(), path);
    }

    /** A list index as written, or -1 if it does not fit in an int. */
    /**
     * The override's value as the scenario reads it at its key, on its own: a text key gets the text
     * as written ({@code off}, {@code 1.10}) where YAML read a boolean or a number, other keys the
     * value as parsed. The value is put into an otherwise empty tree along the key and given back
     * its written text by {@link TextScalars}, the rule a whole scenario gets.
     */
    static JsonNode typedValue(Override override, ObjectMapper mapper) {
        if (override.written().isEmpty()) {
            return override.value();
        }
        ObjectNode root = mapper.createObjectNode();
        JsonNode node = root;
        List<Object> path = new ArrayList<>();
        List<Segment> segments = override.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            JsonNode child = last
                    ? override.value().deepCopy()
                    : segments.get(i + 1).isIndex() ? mapper.createArrayNode() : mapper.createObjectNode();
            if (node instanceof ObjectNode object && !segment.bracketed()) {
                object.set(segment.name(), child);
                path.add(segment.name());
            } else if (node instanceof ArrayNode array && segment.isIndex()) {
                int at = index(segment.name());
                while (array.size() < at) {
                    array.add(NullNode.getInstance());
                }
                array.add(child);
                path.add(at);
            } else {
                return override.value(); // a key that cannot exist: loading it reports the problem
            }
            node = child;
        }
        KeyPath at = new KeyPath(path);
        Map<KeyPath, String> written = new java.util.HashMap<>();
        override.written().forEach((inside, text) -> {
            List<Object> full = new ArrayList<>(at.segments());
            full.addAll(inside.segments());
            written.put(new KeyPath(full), text);
        });
        TextScalars.restore(root, org.mercato.scenarios.model.Scenario.class, written, mapper);
        JsonNode leaf = root;
        for (Object segment : path) {
            leaf = segment instanceof Integer n ? leaf.get(n) : leaf.get((String) segment);
        }
        return leaf;
    }

    private static int index(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The override to blame for a problem at {@code path}: the last one that set something inside
     * it, or that set something it lies inside; {@code null} if none did.
     */
    static Override blame(List<Override> overrides, KeyPath path) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            Override o = overrides.get(i);
            if (o.path() != null && !path.isRoot() && (o.path().startsWith(path) || path.startsWith(o.path()))) {
                return o;
            }
        }
        return null;
    }
}
