package org.mercato.sim.protocol;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.mercato.sim.domain.Immutable;

/**
 * A message to a service. {@code items} optionally names what the customer wants to order (item to
 * quantity), so rule-based services need not parse free text; it may be empty.
 */
public record Message(String to, String text, SortedMap<String, Integer> items) implements AssistantAction {
    public Message {
        Objects.requireNonNull(to, "to");
        text = Objects.requireNonNullElse(text, "");
        items = Immutable.sortedMap(items);
    }

    public static Message inquiry(String to, String text, Map<String, Integer> items) {
        return new Message(to, text, Immutable.sortedMap(items));
    }

    @Override
    public String kind() {
        return "message";
    }
}
