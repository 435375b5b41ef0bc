package org.mercato.explorer;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/customers}: one page of the per-customer table, filtered ({@link CustomerFilter}), by id. */
final class CustomerList {
    /** The list's columns, in the order of the API's rows. */
    static final String COLUMNS = "id, name, \"group\", policy, served, paid_service, paid_amount, paid_tactic,"
            + " paid_rank, paid_row, paid_column, paid_tags, paid_position, paid_first, done_reason, searches,"
            + " messages, proposals, turns";

    private CustomerList() {}

    static Map<String, Object> page(RunData run, Request request) throws SQLException {
        return CustomerFilter.of(request)
                .page(run.database(), CustomerTable.NAME, COLUMNS, request, CustomerList::json);
    }

    /** A row of the list as the API gives it: camel-case names, the badges as a list. */
    static Map<String, Object> json(Map<String, Object> row) {
        Map<String, Object> out = Rows.camel(row, Set.of("paid_tags"), Set.of("request", "seq"));
        if (out.get("paidTags") == null) {
            out.put("paidTags", java.util.List.of());
        }
        return out;
    }
}
