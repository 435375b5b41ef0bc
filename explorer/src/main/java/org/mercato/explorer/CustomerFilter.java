package org.mercato.explorer;

/**
 * The filters of {@code /api/customers} as conditions on {@link CustomerTable}. {@code paidTactic}:
 * a tactic's name, {@code any} (some tactic), {@code none} or {@code control} (paid a service
 * without one). {@code paidTag}: a badge as in {@code impressions.tags}, or {@code (none)} for a
 * paid service shown without badges. {@code q}: an id prefix or a substring of name or request.
 */
final class CustomerFilter {
    static final String NO_TAG = "(none)";

    private CustomerFilter() {}

    static Conditions of(Request request) {
        Conditions where = new Conditions();
        bool(request, "served", "served", where);
        text(request, "paidService", "paid_service", where);
        where.tactic(request.param("paidTactic"), "paid_tactic", "paid_service IS NOT NULL");
        String tag = request.param("paidTag");
        if (NO_TAG.equals(tag)) {
            where.add("paid_rank IS NOT NULL AND paid_tags = '[]'");
        } else if (tag != null) {
            where.add("list_contains(from_json(paid_tags, '[\"VARCHAR\"]'), ?)", tag);
        }
        whole(request, "paidRank", "paid_rank", where);
        whole(request, "paidRow", "paid_row", where);
        whole(request, "paidColumn", "paid_column", where);
        whole(request, "paidPosition", "paid_position", where);
        bool(request, "paidFirst", "paid_first", where);
        text(request, "done", "done_reason", where);
        whole(request, "group", "\"group\"", where);
        where.search(request.param("q"), "name", "request");
        return where;
    }

    private static void text(Request request, String name, String column, Conditions where) {
        String value = request.param(name);
        if (value != null) {
            where.add(column + " = ?", value);
        }
    }

    private static void bool(Request request, String name, String column, Conditions where) {
        Boolean value = request.boolParam(name);
        if (value != null) {
            where.add(column + " = ?", value);
        }
    }

    private static void whole(Request request, String name, String column, Conditions where) {
        if (request.param(name) != null) {
            where.add(column + " = ?", request.intParam(name, 0, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
    }
}
