package org.mercato.sim.events;

import java.util.SortedMap;

/** A message between a customer and a service (either direction). */
public record MessageEvent(String from, String to, String text, SortedMap<String, Integer> items) implements Event {
    @Override
    public String type() {
        return "message";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("from", from).field("to", to).field("text", text).counts("items", items);
    }
}
