package org.mercato.explorer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A run folder's {@code results.duckdb} written directly in the schema of docs/data.md, with
 * {@code customers} synthetic shoppers (for tests and the million-customer measurement, where a
 * real run would take too long). Customer i (from 0) searches once and sees a 2 x 4 grid of 8
 * listings, the first with the badge {@code sponsored}; it messages the service at rank (i mod 8) + 1,
 * which proposes; every customer but each fifth pays it; then it is done. Service 1 uses the tactic
 * {@code authority}.
 */
final class SyntheticRun {
    static final int SERVICES = 40;
    /** Seqs each customer's events take: search, 8 impressions, 2 messages, proposal, payment, done. */
    private static final int STRIDE = 14;

    private SyntheticRun() {}

    static void write(Path folder, int customers) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("results.duckdb"));
                Statement sql = c.createStatement()) {
            long base = customers + SERVICES;
            sql.execute("CREATE TABLE customers AS SELECT i::BIGINT AS t, i::BIGINT AS seq,"
                    + " 'customer_' || lpad((i + 1)::VARCHAR, 7, '0') AS id, '{\"Flan\":1}' AS items,"
                    + " '{\"Flan\":9.00}' AS reference_prices, '[]' AS amenities, 20.00::DECIMAL(18,2) AS budget,"
                    + " 1.00::DECIMAL(18,2) AS time_cost_per_hour, 'Customer ' || (i + 1) AS name,"
                    + " 'Looking for Flan number ' || (i + 1) AS request, '' AS persona,"
                    + " (i % 2)::INTEGER AS \"group\", CASE WHEN i % 2 = 0 THEN 'rational' ELSE 'llm' END AS policy"
                    + " FROM range(" + customers + ") r(i)");
            sql.execute("CREATE TABLE services AS SELECT 0::BIGINT AS t, (" + customers + " + i)::BIGINT AS seq,"
                    + " 'service_' || lpad((i + 1)::VARCHAR, 4, '0') AS id, '{\"Flan\":5.00}' AS menu, '[]' AS amenities,"
                    + " 4.5::DOUBLE AS rating, 10::INTEGER AS reviews, '{}' AS unit_costs, 0::INTEGER AS capacity,"
                    + " CASE WHEN i = 0 THEN 'authority' END AS tactic, 'Shop ' || (i + 1) AS name,"
                    + " 'Sells flan' AS description, 0::INTEGER AS \"group\", 'posted-price' AS policy"
                    + " FROM range(" + SERVICES + ") r(i)");
            String seq = "(" + base + " + i * " + STRIDE + ")";
            String customer = "'customer_' || lpad((i + 1)::VARCHAR, 7, '0')";
            String paid = "'service_' || lpad(((i + i % 8) % " + SERVICES + " + 1)::VARCHAR, 4, '0')";
            sql.execute("CREATE TABLE searches AS SELECT " + seq + " * 10 AS t, " + seq + " AS seq, " + customer
                    + " AS agent, 'flan' AS query, 0 AS page, 1 AS pages, '[]' AS results FROM range(" + customers
                    + ") r(i)");
            sql.execute("CREATE TABLE impressions AS SELECT " + seq + " * 10 AS t, " + seq + " + k + 1 AS seq, "
                    + customer + " AS agent, " + seq + " AS search,"
                    + " 'service_' || lpad(((i + k) % " + SERVICES + " + 1)::VARCHAR, 4, '0') AS service,"
                    + " (k + 1)::INTEGER AS rank, (k // 4 + 1)::INTEGER AS \"row\", (k % 4 + 1)::INTEGER AS \"column\","
                    + " CASE WHEN k = 0 THEN '[\"sponsored\"]' ELSE '[]' END AS tags, 5.00::DECIMAL(18,2) AS price,"
                    + " 1.0::DOUBLE AS price_factor, 4.5::DOUBLE AS rating, 10::INTEGER AS reviews"
                    + " FROM range(" + customers + ") r(i), range(8) q(k) ORDER BY seq");
            sql.execute("CREATE TABLE messages AS SELECT " + seq + " * 10 + 9 AS t, " + seq + " + 9 + m AS seq,"
                    + " CASE WHEN m = 0 THEN " + customer + " ELSE " + paid + " END AS \"from\","
                    + " CASE WHEN m = 0 THEN " + paid + " ELSE " + customer + " END AS \"to\","
                    + " CASE WHEN m = 0 THEN 'Flan please' ELSE 'Here you are' END AS text, '{}' AS items"
                    + " FROM range(" + customers + ") r(i), range(2) q(m) ORDER BY seq");
            sql.execute("CREATE TABLE proposals AS SELECT " + seq + " * 10 + 11 AS t, " + seq + " + 11 AS seq, "
                    + paid + " || '-p' || i AS id, " + paid + " AS service, " + customer + " AS customer,"
                    + " '[{\"item\":\"Flan\",\"qty\":1,\"price\":5.00}]' AS lines, 5.00::DECIMAL(18,2) AS total,"
                    + " 999999999999::BIGINT AS valid_until FROM range(" + customers + ") r(i)");
            sql.execute("CREATE TABLE payments AS SELECT " + seq + " * 10 + 12 AS t, " + seq + " + 12 AS seq, "
                    + paid + " || '-p' || i AS proposal, " + customer + " AS customer, " + paid + " AS service,"
                    + " 5.00::DECIMAL(18,2) AS amount FROM range(" + customers + ") r(i) WHERE i % 5 <> 4");
            sql.execute("CREATE TABLE rejections (t BIGINT, seq BIGINT, agent VARCHAR, action VARCHAR, ref VARCHAR,"
                    + " reason VARCHAR)");
            sql.execute("CREATE TABLE events AS"
                    + " SELECT t, seq, 'customer' AS type, NULL::VARCHAR AS body FROM customers"
                    + " UNION ALL SELECT t, seq, 'service', NULL FROM services"
                    + " UNION ALL SELECT t, seq, 'search', NULL FROM searches"
                    + " UNION ALL SELECT t, seq, 'impression', NULL FROM impressions"
                    + " UNION ALL SELECT t, seq, 'message', NULL FROM messages"
                    + " UNION ALL SELECT t, seq, 'proposal', NULL FROM proposals"
                    + " UNION ALL SELECT t, seq, 'payment', NULL FROM payments"
                    + " UNION ALL SELECT " + seq + " * 10 + 13, " + seq + " + 13, 'done',"
                    + " '{\"t\":' || (" + seq + " * 10 + 13) || ',\"seq\":' || (" + seq + " + 13)"
                    + " || ',\"type\":\"done\",\"agent\":\"' || " + customer + " || '\",\"reason\":\"'"
                    + " || CASE WHEN i % 5 = 4 THEN 'no-acceptable-proposal' ELSE 'purchased' END || '\"}'"
                    + " FROM range(" + customers + ") r(i) ORDER BY seq");
            sql.execute("CHECKPOINT");
        }
    }
}
