package org.mercato.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A list filter being built: SQL conditions joined by AND, with their arguments in order. */
final class Conditions {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    void add(String condition, Object... values) {
        conditions.add(condition);
        args.addAll(List.of(values));
    }

    /**
     * A tactic filter on {@code column}: a tactic's name, {@code any} (some tactic), {@code none} or
     * {@code control} (none; {@code requires} must hold too, such as "paid someone").
     */
    void tactic(String value, String column, String requires) {
        if (value == null) {
            return;
        }
        String prefix = requires == null ? "" : requires + " AND ";
        switch (value) {
            case "any" -> add(column + " IS NOT NULL");
            case "none", "control" -> add(prefix + column + " IS NULL");
            default -> add(column + " = ?", value);
        }
    }

    /** {@code q}: an id prefix, or a case-insensitive substring of one of the text columns. */
    void search(String q, String... textColumns) {
        if (q == null) {
            return;
        }
        StringBuilder condition = new StringBuilder("(starts_with(id, ?)");
        List<Object> values = new ArrayList<>(List.of(q));
        for (String column : textColumns) {
            condition.append(" OR contains(lower(").append(column).append("), lower(?))");
            values.add(q);
        }
        add(condition.append(')').toString(), values.toArray());
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<Object> args() {
        return List.copyOf(args);
    }

    /**
     * One page ({@code offset}, {@code limit} from the request) of {@code columns} of {@code table}
     * under these conditions, by id: {@code {total, offset, limit, rows}}, each row through {@code row}.
     */
    Map<String, Object> page(
            RunDatabase db,
            String table,
            String columns,
            Request request,
            java.util.function.Function<Map<String, Object>, Map<String, Object>> row)
            throws java.sql.SQLException {
        int offset = request.intParam("offset", 0, 0, Integer.MAX_VALUE);
        int limit = request.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long total = db.count("SELECT count(*) FROM " + table + where(), args());
        List<Object> paged = new ArrayList<>(args);
        paged.add(limit);
        paged.add(offset);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r :
                db.rows("SELECT " + columns + " FROM " + table + where() + " ORDER BY id LIMIT ? OFFSET ?", paged)) {
            rows.add(row.apply(r));
        }
        Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("total", total);
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("rows", rows);
        return page;
    }

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
}
