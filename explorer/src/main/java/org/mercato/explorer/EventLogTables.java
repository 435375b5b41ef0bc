package org.mercato.explorer;

import java.nio.file.Path;
import java.util.List;

/**
 * The run tables the explorer reads, rebuilt in memory from a run folder's {@code events.jsonl}
 * for a run written without {@code results.duckdb} (a sweep's kept runs, {@code output.duckdb:
 * false}): the same names, columns and types as {@code docs/data.md} gives, the catalog columns
 * (name, request, description, group, policy) null as the log does not hold them.
 */
final class EventLogTables {
    private EventLogTables() {}

    /** The event types with a typed table: their {@code events.body} is null, as in results.duckdb. */
    private static final String TYPED = "('customer','service','search','impression','message','proposal','payment',"
            + "'rejected','period','arrival','delivery','review','reputation','restock','quality')";

    static List<String> statements(Path events) {
        String file = RunDatabase.literal(events.toString());
        return List.of(
                "CREATE TEMP TABLE log AS SELECT json AS j, CAST(json->>'seq' AS BIGINT) AS seq, json->>'type' AS type"
                        + " FROM read_json_objects(" + file + ", format = 'newline_delimited')",
                "CREATE TABLE r.events AS SELECT CAST(j->>'t' AS BIGINT) AS t, seq, type,"
                        + " CASE WHEN type IN " + TYPED + " THEN NULL ELSE CAST(j AS VARCHAR) END AS body"
                        + " FROM log ORDER BY seq",
                select(
                        "customers",
                        "customer",
                        "j->>'id' AS id, CAST(j->'items' AS VARCHAR) AS items,"
                                + " CAST(j->'reference_prices' AS VARCHAR) AS reference_prices,"
                                + " CAST(j->'amenities' AS VARCHAR) AS amenities,"
                                + " CAST(j->>'budget' AS DECIMAL(18,2)) AS budget,"
                                + " CAST(j->>'time_cost_per_hour' AS DECIMAL(18,2)) AS time_cost_per_hour,"
                                + " NULL::VARCHAR AS name, NULL::VARCHAR AS request, NULL::VARCHAR AS persona,"
                                + " NULL::INTEGER AS \"group\", NULL::VARCHAR AS policy"),
                select(
                        "services",
                        "service",
                        "j->>'id' AS id, CAST(j->'menu' AS VARCHAR) AS menu, CAST(j->'amenities' AS VARCHAR) AS amenities,"
                                + " CAST(j->>'rating' AS DOUBLE) AS rating, CAST(j->>'reviews' AS INTEGER) AS reviews,"
                                + " CAST(j->'unit_costs' AS VARCHAR) AS unit_costs,"
                                + " CAST(j->>'capacity' AS INTEGER) AS capacity, j->>'tactic' AS tactic,"
                                + " NULL::VARCHAR AS name, NULL::VARCHAR AS description,"
                                + " NULL::INTEGER AS \"group\", NULL::VARCHAR AS policy"),
                select(
                        "searches",
                        "search",
                        "j->>'agent' AS agent, j->>'query' AS query, CAST(j->>'page' AS INTEGER) AS page,"
                                + " CAST(j->>'pages' AS INTEGER) AS pages, CAST(j->'results' AS VARCHAR) AS results"),
                select(
                        "impressions",
                        "impression",
                        "j->>'agent' AS agent, CAST(j->>'search' AS BIGINT) AS search, j->>'service' AS service,"
                                + " CAST(j->>'rank' AS INTEGER) AS rank, CAST(j->>'row' AS INTEGER) AS \"row\","
                                + " CAST(j->>'column' AS INTEGER) AS \"column\", CAST(j->'tags' AS VARCHAR) AS tags,"
                                + " CAST(j->>'price' AS DECIMAL(18,2)) AS price,"
                                + " CAST(j->>'price_factor' AS DOUBLE) AS price_factor,"
                                + " CAST(j->>'rating' AS DOUBLE) AS rating, CAST(j->>'reviews' AS INTEGER) AS reviews"),
                select(
                        "messages",
                        "message",
                        "j->>'from' AS \"from\", j->>'to' AS \"to\", j->>'text' AS text,"
                                + " CAST(j->'items' AS VARCHAR) AS items"),
                select(
                        "proposals",
                        "proposal",
                        "j->>'id' AS id, j->>'service' AS service, j->>'customer' AS customer,"
                                + " CAST(j->'lines' AS VARCHAR) AS lines, CAST(j->>'total' AS DECIMAL(18,2)) AS total,"
                                + " CAST(j->>'valid_until' AS BIGINT) AS valid_until"),
                select(
                        "payments",
                        "payment",
                        "j->>'proposal' AS proposal, j->>'customer' AS customer, j->>'service' AS service,"
                                + " CAST(j->>'amount' AS DECIMAL(18,2)) AS amount"),
                select(
                        "rejections",
                        "rejected",
                        "j->>'agent' AS agent, j->>'action' AS action, j->>'ref' AS ref, j->>'reason' AS reason"),
                "DROP TABLE log");
    }

    private static String select(String table, String type, String columns) {
        return "CREATE TABLE r." + table + " AS SELECT CAST(j->>'t' AS BIGINT) AS t, seq, " + columns
                + " FROM log WHERE type = '" + type + "' ORDER BY seq";
    }
}
