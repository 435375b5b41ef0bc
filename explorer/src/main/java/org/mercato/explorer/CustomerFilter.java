package org.mercato.explorer;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of {@code /api/customers} as a SQL condition on {@link CustomerTable} with its
 * arguments. {@code paidTactic}: a tactic's name, {@code any} (some tactic), {@code none} or
 * {@code control} (a service without one; both need a payment). {@code paidTag}: a badge as in
 * {@code impressions.tags}, or {@code (none)} for a paid service shown without badges.
 */
record CustomerFilter(String where, List<Object> args) {
    static final String NO_TAG = "(none)";

    static CustomerFilter of(Request request) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        Boolean served = request.boolParam("served");
        if (served != null) {
            conditions.add("served = ?");
            args.add(served);
        }
        equal(request, "paidService", "paid_service", conditions, args);
        String tactic = request.param("paidTactic");
        if (tactic != null) {
            switch (tactic) {
                case "any" -> conditions.add("paid_tactic IS NOT NULL");
                case "none", "control" -> conditions.add("paid_service IS NOT NULL AND paid_tactic IS NULL");
                default -> {
                    conditions.add("paid_tactic = ?");
                    args.add(tactic);
                }
            }
        }
        String tag = request.param("paidTag");
        if (tag != null) {
            if (tag.equals(NO_TAG)) {
                conditions.add("paid_rank IS NOT NULL AND paid_tags = '[]'");
            } else {
                conditions.add("list_contains(from_json(paid_tags, '[\"VARCHAR\"]'), ?)");
                args.add(tag);
            }
        }
        whole(request, "paidRank", "paid_rank", conditions, args);
        whole(request, "paidRow", "paid_row", conditions, args);
        whole(request, "paidColumn", "paid_column", conditions, args);
        whole(request, "paidPosition", "paid_position", conditions, args);
        Boolean first = request.boolParam("paidFirst");
        if (first != null) {
            conditions.add("paid_first = ?");
            args.add(first);
        }
        equal(request, "done", "done_reason", conditions, args);
        whole(request, "group", "\"group\"", conditions, args);
        String q = request.param("q");
        if (q != null) {
            conditions.add(
                    "(starts_with(id, ?) OR contains(lower(name), lower(?)) OR contains(lower(request), lower(?)))");
            args.add(q);
            args.add(q);
            args.add(q);
        }
        return new CustomerFilter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }

    private static void equal(Request request, String name, String column, List<String> conditions, List<Object> args) {
        String value = request.param(name);
        if (value != null) {
            conditions.add(column + " = ?");
            args.add(value);
        }
    }

    private static void whole(Request request, String name, String column, List<String> conditions, List<Object> args) {
        if (request.param(name) != null) {
            conditions.add(column + " = ?");
            args.add(request.intParam(name, 0, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
    }
}
