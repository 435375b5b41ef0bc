package org.mercato.explorer;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/customers}: one page of the per-customer table, filtered ({@link CustomerFilter}), by id. */
final class CustomerList {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private CustomerList() {}

    static Map<String, Object> page(RunData run, Request request) throws SQLException {
        CustomerFilter filter = CustomerFilter.of(request);
        int offset = request.intParam("offset", 0, 0, Integer.MAX_VALUE);
        int limit = request.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long total = run.database().count("SELECT count(*) FROM " + CustomerTable.NAME + filter.where(), filter.args());
        List<Object> args = new ArrayList<>(filter.args());
        args.add(limit);
        args.add(offset);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : run.database()
                .rows("SELECT * FROM " + CustomerTable.NAME + filter.where() + " ORDER BY id LIMIT ? OFFSET ?", args)) {
            rows.add(json(row));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", total);
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("rows", rows);
        return page;
    }

    static Map<String, Object> json(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        out.put("name", row.get("name"));
        out.put("group", row.get("group"));
        out.put("policy", row.get("policy"));
        out.put("served", row.get("served"));
        out.put("paidService", row.get("paid_service"));
        out.put("paidAmount", row.get("paid_amount") instanceof BigDecimal amount ? amount : null);
        out.put("paidTactic", row.get("paid_tactic"));
        out.put("paidRank", row.get("paid_rank"));
        out.put("paidRow", row.get("paid_row"));
        out.put("paidColumn", row.get("paid_column"));
        out.put("paidTags", row.get("paid_tags") == null ? java.util.List.of() : JsonText.parse(row.get("paid_tags")));
        out.put("paidPosition", row.get("paid_position"));
        out.put("paidFirst", row.get("paid_first"));
        out.put("doneReason", row.get("done_reason"));
        out.put("searches", row.get("searches"));
        out.put("messages", row.get("messages"));
        out.put("proposals", row.get("proposals"));
        out.put("turns", row.get("turns"));
        return out;
    }
}
