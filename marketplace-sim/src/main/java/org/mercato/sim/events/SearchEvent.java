package org.mercato.sim.events;

import java.util.List;

/** An assistant searched and was shown these services, in rank order. */
public record SearchEvent(String agent, String query, int page, int totalPages, List<String> results) implements Event {
    @Override
    public String type() {
        return "search";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("agent", agent)
                .field("query", query)
                .field("page", page)
                .field("pages", totalPages)
                .strings("results", results);
    }
}
