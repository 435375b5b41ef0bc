package org.mercato.scenarios.keys;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A key path into a scenario: field names ({@link String}) and list indexes ({@link Integer}),
 * written {@code agents.assistants[0].thinkTime.median}. The empty path is the document itself.
 */
public record KeyPath(List<Object> segments) {
    public static final KeyPath ROOT = new KeyPath(List.of());

    public KeyPath {
        segments = List.copyOf(segments);
    }

    public static KeyPath of(Object... segments) {
        return new KeyPath(List.of(segments));
    }

    /** The path Jackson reports for a binding error. */
    public static KeyPath of(List<JsonMappingException.Reference> references) {
        KeyPath path = ROOT;
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path = path.child(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path = path.index(reference.getIndex());
            }
        }
        return path;
    }

    public KeyPath child(String name) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(name);
        return new KeyPath(longer);
    }

    public KeyPath index(int index) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(index);
        return new KeyPath(longer);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public KeyPath parent() {
        return isRoot() ? null : new KeyPath(segments.subList(0, segments.size() - 1));
    }

    public Object last() {
        return isRoot() ? null : segments.get(segments.size() - 1);
    }

    public boolean startsWith(KeyPath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** The node at this path in {@code root}, or {@code null}. */
    public JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer i ? (node.isArray() ? node.get(i) : null) : node.get((String) segment);
        }
        return node;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }
}
