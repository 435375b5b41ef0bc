package org.mercato.explorer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Query rows as the API gives them: column names in camel case ({@code paid_rank} to {@code paidRank}), JSON text columns parsed. */
final class Rows {
    private Rows() {}

    /** The row's columns but {@code skip}, renamed, the {@code json} ones parsed. */
    static Map<String, Object> camel(Map<String, Object> row, Set<String> json, Set<String> skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!skip.contains(column)) {
                out.put(camel(column), json.contains(column) ? JsonText.parse(value) : value);
            }
        });
        return out;
    }

    static Map<String, Object> camel(Map<String, Object> row, Set<String> json) {
        return camel(row, json, Set.of());
    }

    static String camel(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
