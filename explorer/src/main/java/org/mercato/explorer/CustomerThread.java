package org.mercato.explorer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/customers/{id}}: a customer as the catalog describes it and its thread, every
 * event that concerns it in log order: searches with the page it saw, messages both ways,
 * proposals, reveals, payments, declines, refusals, waits, wake-ups, {@code done}, and (after the
 * event each answered) its model turns.
 */
final class CustomerThread {
    /** Events kept whole in {@code events.body} that concern the customer ({@link CustomerTable#BODY_EVENTS}). */
    private static final String BODY_EVENTS = "SELECT seq, t, type, body FROM r.events WHERE seq IN"
            + " (SELECT seq FROM " + CustomerTable.BODY_EVENTS + " WHERE agent = ?) ORDER BY seq";

    private CustomerThread() {}

    static Map<String, Object> of(RunData run, String id) throws SQLException {
        RunDatabase db = run.database();
        List<Map<String, Object>> found = db.rows("SELECT * FROM r.customers WHERE id = ?", List.of(id));
        if (found.isEmpty()) {
            throw HttpError.notFound("no such customer: " + Excerpts.of(id));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customer", customer(found.get(0), run, id));
        List<Map<String, Object>> thread = new ArrayList<>();
        searches(run, id, thread);
        for (Map<String, Object> m : db.rows(
                "SELECT seq, t, \"from\", \"to\", text, items FROM r.messages WHERE \"from\" = ? OR \"to\" = ?",
                List.of(id, id))) {
            Map<String, Object> item = event(m, "message", Set.of("items"));
            thread.add(item);
        }
        for (Map<String, Object> p : db.rows(
                "SELECT seq, t, id, service, lines, total, valid_until FROM r.proposals WHERE customer = ?",
                List.of(id))) {
            thread.add(proposal(p));
        }
        for (Map<String, Object> p :
                db.rows("SELECT seq, t, proposal, service, amount FROM r.payments WHERE customer = ?", List.of(id))) {
            Map<String, Object> item = event(p, "payment", Set.of());
            thread.add(item);
        }
        for (Map<String, Object> r :
                db.rows("SELECT seq, t, action, ref, reason FROM r.rejections WHERE agent = ?", List.of(id))) {
            Map<String, Object> item = event(r, "rejected", Set.of());
            thread.add(item);
        }
        for (Map<String, Object> e : db.rows(BODY_EVENTS, List.of(id))) {
            thread.add(bodyEvent(e));
        }
        thread.addAll(run.transcripts().summariesOf(id));
        thread.sort(Comparator.comparingLong((Map<String, Object> item) -> ((Number) item.get("seq")).longValue())
                .thenComparing(item -> "turn".equals(item.get("kind")) ? 1 : 0)
                .thenComparingLong(item -> item.get("index") instanceof Number n ? n.longValue() : 0));
        out.put("thread", thread);
        return out;
    }

    private static Map<String, Object> customer(Map<String, Object> row, RunData run, String id) throws SQLException {
        Map<String, Object> customer =
                Rows.camel(row, Set.of("items", "reference_prices", "amenities"), Set.of("t", "seq"));
        List<Map<String, Object>> summary =
                run.database().rows("SELECT * FROM " + CustomerTable.NAME + " WHERE id = ?", List.of(id));
        if (!summary.isEmpty()) {
            Map<String, Object> listed = CustomerList.json(summary.get(0));
            listed.keySet().removeAll(customer.keySet());
            customer.putAll(listed);
        }
        return customer;
    }

    /** Each search with its page: the impressions when the run logs them, else the result ids with their rank. */
    private static void searches(RunData run, String id, List<Map<String, Object>> thread) throws SQLException {
        RunDatabase db = run.database();
        List<Map<String, Object>> searches =
                db.rows("SELECT seq, t, query, page, pages, results FROM r.searches WHERE agent = ?", List.of(id));
        if (searches.isEmpty()) {
            return;
        }
        Map<Long, List<Map<String, Object>>> pages = new LinkedHashMap<>();
        for (Map<String, Object> i : db.rows(
                "SELECT i.search, i.service, s.name, i.rank, i.\"row\", i.\"column\", i.tags, i.price,"
                        + " i.price_factor, i.rating, i.reviews, s.tactic"
                        + " FROM r.impressions i LEFT JOIN r.services s ON s.id = i.service"
                        + " WHERE i.agent = ? ORDER BY i.search, i.rank",
                List.of(id))) {
            Map<String, Object> listing = Rows.camel(i, Set.of("tags"), Set.of("search"));
            pages.computeIfAbsent(((Number) i.get("search")).longValue(), k -> new ArrayList<>())
                    .add(listing);
        }
        Map<String, Map<String, Object>> names = serviceNames(db);
        for (Map<String, Object> s : searches) {
            Map<String, Object> item = item(s, "search");
            item.putAll(Rows.camel(s, Set.of(), Set.of("seq", "t", "results")));
            List<Map<String, Object>> listings = pages.get(((Number) s.get("seq")).longValue());
            item.put("listings", listings != null ? listings : ranked(s.get("results"), names));
            thread.add(item);
        }
    }

    private static Map<String, Map<String, Object>> serviceNames(RunDatabase db) throws SQLException {
        Map<String, Map<String, Object>> names = new LinkedHashMap<>();
        for (Map<String, Object> s : db.rows("SELECT id, name, tactic FROM r.services", List.of())) {
            names.put((String) s.get("id"), s);
        }
        return names;
    }

    /** A page without impressions: the mechanism's result ids, ranked from 1. */
    private static List<Map<String, Object>> ranked(Object results, Map<String, Map<String, Object>> names) {
        List<Map<String, Object>> listings = new ArrayList<>();
        var ids = JsonText.parse(results);
        if (ids == null) {
            return listings;
        }
        int rank = 1;
        for (var serviceId : ids) {
            Map<String, Object> listing = new LinkedHashMap<>();
            String service = serviceId.asText();
            Map<String, Object> known = names.getOrDefault(service, Map.of());
            listing.put("service", service);
            listing.put("name", known.get("name"));
            listing.put("rank", rank++);
            listing.put("tactic", known.get("tactic"));
            listings.add(listing);
        }
        return listings;
    }

    static Map<String, Object> proposal(Map<String, Object> p) {
        return event(p, "proposal", Set.of("lines"));
    }

    /** A typed table's row as a thread item: {@code seq, t, kind}, then its other columns by camel-case name. */
    static Map<String, Object> event(Map<String, Object> row, String kind, Set<String> json) {
        Map<String, Object> item = item(row, kind);
        item.putAll(Rows.camel(row, json, Set.of("seq", "t")));
        return item;
    }

    /** An event kept whole in {@code events.body}: its fields as logged, under its type as {@code kind}. */
    private static Map<String, Object> bodyEvent(Map<String, Object> e) {
        Map<String, Object> item = item(e, (String) e.get("type"));
        var body = JsonText.parse(e.get("body"));
        if (body != null) {
            body.fields().forEachRemaining(field -> {
                if (!item.containsKey(field.getKey()) && !field.getKey().equals("type")) {
                    item.put(field.getKey(), field.getValue());
                }
            });
        }
        return item;
    }

    static Map<String, Object> item(Map<String, Object> row, String kind) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", row.get("seq"));
        item.put("t", row.get("t"));
        item.put("kind", kind);
        return item;
    }
}
