package org.mercato.explorer;

/** The SQL of the explorer's per-service table: the catalog's services with their sales (payments) and revenue. */
final class ServiceTable {
    private ServiceTable() {}

    static final String NAME = "explorer_services";

    static final String CREATE = """
            CREATE TABLE explorer_services AS
            WITH sold AS (SELECT service, count(*) AS n, sum(amount) AS amount FROM r.payments GROUP BY 1)
            SELECT s.id, s.name, s."group", s.policy, s.tactic, coalesce(sold.n, 0) AS sales,
                   coalesce(sold.amount, 0) AS revenue, 0 AS turns, s.description
            FROM r.services s LEFT JOIN sold ON sold.service = s.id
            ORDER BY s.id
            """;
}
