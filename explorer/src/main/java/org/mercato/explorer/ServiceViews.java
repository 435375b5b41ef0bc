package org.mercato.explorer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/services} (a page of the sellers, with sales and revenue) and {@code GET
 * /api/services/{id}}: one seller's listing, whom it dealt with, its proposals, sales and model turns.
 */
final class ServiceViews {
    /** The most rows of each list a seller's page gets (a seller of a million-customer run has many). */
    static final int DETAIL_ROWS = 500;

    private ServiceViews() {}

    static Map<String, Object> page(RunData run, Request request) throws SQLException {
        Conditions where = new Conditions();
        where.tactic(request.param("tactic"), "tactic", null);
        where.search(request.param("q"), "name", "description");
        return where.page(
                run.database(),
                ServiceTable.NAME,
                "id, name, \"group\", policy, tactic, sales, revenue, turns",
                request,
                row -> row);
    }

    static Map<String, Object> detail(RunData run, String id) throws SQLException {
        RunDatabase db = run.database();
        List<Map<String, Object>> found = db.rows(
                "SELECT id, name, description, tactic, menu, amenities, rating, reviews, capacity, \"group\", policy"
                        + " FROM r.services WHERE id = ?",
                List.of(id));
        if (found.isEmpty()) {
            throw HttpError.notFound("no such service: " + Excerpts.of(id));
        }
        Map<String, Object> service = Rows.camel(found.get(0), Set.of("menu", "amenities"));
        db.rows("SELECT sales, revenue, turns FROM " + ServiceTable.NAME + " WHERE id = ?", List.of(id))
                .forEach(service::putAll);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", service);
        List<Object> limited = List.of(id, id, id, id, DETAIL_ROWS + 1);
        List<Map<String, Object>> customers = db.rows("""
                WITH dealt AS (
                    SELECT "to" AS id, 1 AS messages, 0 AS proposals, 0 AS paid FROM r.messages WHERE "from" = ?
                    UNION ALL SELECT "from", 1, 0, 0 FROM r.messages WHERE "to" = ?
                    UNION ALL SELECT customer, 0, 1, 0 FROM r.proposals WHERE service = ?
                    UNION ALL SELECT customer, 0, 0, 1 FROM r.payments WHERE service = ?)
                SELECT id, sum(messages) AS messages, sum(proposals) AS proposals, sum(paid) > 0 AS paid
                FROM dealt GROUP BY id ORDER BY id LIMIT ?
                """, limited);
        putCapped(out, "customers", customers);
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (Map<String, Object> p : db.rows(
                "SELECT seq, t, id, service, customer, lines, total, valid_until FROM r.proposals WHERE service = ?"
                        + " ORDER BY seq LIMIT ?",
                List.of(id, DETAIL_ROWS + 1))) {
            proposals.add(CustomerThread.proposal(p));
        }
        putCapped(out, "proposals", proposals);
        putCapped(
                out,
                "sales",
                db.rows(
                        "SELECT seq, t, proposal, customer, amount FROM r.payments WHERE service = ? ORDER BY seq LIMIT ?",
                        List.of(id, DETAIL_ROWS + 1)));
        List<Map<String, Object>> turns = new ArrayList<>();
        for (int n : run.transcripts().turnsOf(id)) {
            if (turns.size() > DETAIL_ROWS) {
                break;
            }
            turns.add(TranscriptIndex.summary(n, run.transcripts().turn(n)));
        }
        putCapped(out, "turns", turns);
        return out;
    }

    /** A list of at most {@link #DETAIL_ROWS} rows, with {@code <name>Truncated: true} when there were more. */
    private static void putCapped(Map<String, Object> out, String name, List<Map<String, Object>> rows) {
        boolean truncated = rows.size() > DETAIL_ROWS;
        out.put(name, truncated ? rows.subList(0, DETAIL_ROWS) : rows);
        out.put(name + "Truncated", truncated);
    }
}
