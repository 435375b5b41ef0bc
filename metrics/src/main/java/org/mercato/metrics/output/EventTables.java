package org.mercato.metrics.output;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;
import org.mercato.metrics.WelfareFold;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.JsonLine;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.PricingBlockEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingPeriodEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.RestockEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.events.ServiceEvent;

/**
 * The event tables of results.duckdb and how each event fills them: {@code events} holds every
 * line whole; each typed table holds every field of its event type under the event's field name
 * (after {@code t} and {@code seq}), arrays and objects as JSON text written exactly as in the
 * log; {@code customers} and {@code services} add what {@link RunCatalog} knows. The tables of a
 * market with dynamics ({@link #DYNAMICS}) exist only when the log has their events. Not thread-safe:
 * one thread writes all rows, in log order.
 */
final class EventTables implements AutoCloseable {
    private static final String MONEY = "DECIMAL(18,2)";
    private static final String JSON = "VARCHAR";

    /** Table name to its columns (name, DuckDB type), in creation order. */
    static final Map<String, List<String[]>> SCHEMA = schema();

    /**
     * The tables of a market with dynamics, each created at the first event of
     * its type, so a log without such events gets exactly the tables of {@link #SCHEMA}.
     */
    static final Map<String, List<String[]>> DYNAMICS = dynamics();

    /**
     * The lines of the events no typed table holds whole; {@code events} is a view over it and the
     * typed tables ({@link #createEventsView}), so an event's time, place and type are stored once.
     */
    static final String BODIES = "event_bodies";

    private final Map<String, TableOutput> tables = new LinkedHashMap<>();
    /** Typed table to the event type whose events it holds whole, in order of first row. */
    private final Map<String, String> typeOfTable = new LinkedHashMap<>();
    /** The type of the event being written when a typed table holds it whole, else null. */
    private String typedType;

    private final List<String> created = new ArrayList<>();
    private final DuckDBConnection connection;
    private final RunCatalog catalog;
    private final StringBuilder json = new StringBuilder(256);

    private static Map<String, List<String[]>> schema() {
        Map<String, List<String[]>> s = new LinkedHashMap<>();
        s.put(BODIES, columns("type", "VARCHAR", "body", JSON));
        s.put(
                "customers",
                columns(
                        "id", "VARCHAR",
                        "items", JSON,
                        "reference_prices", JSON,
                        "amenities", JSON,
                        "budget", MONEY,
                        "time_cost_per_hour", MONEY,
                        "name", "VARCHAR",
                        "request", "VARCHAR",
                        "persona", "VARCHAR",
                        "group", "INTEGER",
                        "policy", "VARCHAR"));
        s.put(
                "services",
                columns(
                        "id", "VARCHAR",
                        "menu", JSON,
                        "amenities", JSON,
                        "rating", "DOUBLE",
                        "reviews", "INTEGER",
                        "unit_costs", JSON,
                        "capacity", "INTEGER",
                        "tactic", "VARCHAR",
                        "name", "VARCHAR",
                        "description", "VARCHAR",
                        "group", "INTEGER",
                        "policy", "VARCHAR"));
        s.put(
                "searches",
                columns(
                        "agent", "VARCHAR",
                        "query", "VARCHAR",
                        "page", "INTEGER",
                        "pages", "INTEGER",
                        "results", JSON));
        s.put(
                "impressions",
                columns(
                        "agent", "VARCHAR",
                        "search", "BIGINT",
                        "service", "VARCHAR",
                        "rank", "INTEGER",
                        "row", "INTEGER",
                        "column", "INTEGER",
                        "tags", JSON,
                        "price", MONEY,
                        "price_factor", "DOUBLE",
                        "rating", "DOUBLE",
                        "reviews", "INTEGER"));
        s.put("messages", columns("from", "VARCHAR", "to", "VARCHAR", "text", "VARCHAR", "items", JSON));
        s.put(
                "proposals",
                columns(
                        "id", "VARCHAR",
                        "service", "VARCHAR",
                        "customer", "VARCHAR",
                        "lines", JSON,
                        "total", MONEY,
                        "valid_until", "BIGINT"));
        s.put("payments", columns("proposal", "VARCHAR", "customer", "VARCHAR", "service", "VARCHAR", "amount", MONEY));
        s.put("rejections", columns("agent", "VARCHAR", "action", "VARCHAR", "ref", "VARCHAR", "reason", "VARCHAR"));
        return s;
    }

    private static Map<String, List<String[]>> dynamics() {
        Map<String, List<String[]>> s = new LinkedHashMap<>();
        s.put("periods", columns("period", "INTEGER", "start", "BIGINT", "end", "BIGINT"));
        s.put("arrivals", columns("customer", "VARCHAR", "visit", "INTEGER"));
        s.put(
                "deliveries",
                columns("proposal", "VARCHAR", "customer", "VARCHAR", "service", "VARCHAR", "quality", "DOUBLE"));
        s.put(
                "reviews",
                columns(
                        "service", "VARCHAR",
                        "customer", "VARCHAR",
                        "proposal", "VARCHAR",
                        "stars", "INTEGER",
                        "fake", "BOOLEAN",
                        "filtered", "BOOLEAN"));
        s.put("reputation", columns("service", "VARCHAR", "rating", "DOUBLE", "reviews", "INTEGER"));
        s.put("restocks", columns("service", "VARCHAR", "stock", "INTEGER"));
        s.put("quality", columns("service", "VARCHAR", "quality", "DOUBLE"));
        // sellers that learn prices: the events keep their body too (their arrays are JSON here)
        s.put(
                "pricing_episodes",
                columns(
                        "episode", "INTEGER",
                        "periods", "BIGINT",
                        "converged", "BOOLEAN",
                        "gain", "DOUBLE",
                        "prices", JSON,
                        "profits", JSON));
        s.put(
                "pricing_blocks",
                columns(
                        "episode", "INTEGER",
                        "from_period", "BIGINT",
                        "to_period", "BIGINT",
                        "epsilon", "DOUBLE",
                        "prices", JSON,
                        "profits", JSON));
        s.put(
                "pricing_periods",
                columns("period", "INTEGER", "services", JSON, "prices", JSON, "sales", JSON, "profits", JSON));
        return s;
    }

    /** {@code t} and {@code seq} first, then the given (name, type) pairs. */
    private static List<String[]> columns(String... pairs) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"t", "BIGINT"});
        out.add(new String[] {"seq", "BIGINT"});
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new String[] {pairs[i], pairs[i + 1]});
        }
        return List.copyOf(out);
    }

    /** Creates the tables in {@code connection} and opens their appenders. */
    EventTables(DuckDBConnection connection, RunCatalog catalog) throws SQLException {
        this.catalog = catalog;
        this.connection = connection;
        try (Statement sql = connection.createStatement()) {
            for (var table : SCHEMA.entrySet()) {
                sql.execute(createTable(table.getKey(), table.getValue()));
            }
        }
        for (var table : SCHEMA.entrySet()) {
            open(table.getKey(), table.getValue());
        }
    }

    /** Opens the appender of a created table. */
    private TableOutput open(String name, List<String[]> columns) throws SQLException {
        TableOutput table = new TableOutput(connection.createAppender(name));
        tables.put(name, table);
        created.add(name);
        return table;
    }

    /** A typed table of {@link #SCHEMA}, for the event being written. */
    private TableOutput typed(String name) {
        noteType(name);
        return tables.get(name);
    }

    /** Remembers which event type fills {@code name} when the event has no row of its own in {@link #BODIES}. */
    private void noteType(String name) {
        if (typedType != null) {
            typeOfTable.putIfAbsent(name, typedType);
        }
    }

    /** The table of a market with dynamics, created at its first row. */
    private TableOutput dynamic(String name) throws SQLException {
        noteType(name);
        TableOutput table = tables.get(name);
        if (table != null) {
            return table;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute(createTable(name, DYNAMICS.get(name)));
        }
        return open(name, DYNAMICS.get(name));
    }

    /** The tables created so far, in creation order: those of {@link #SCHEMA}, then the dynamic ones. */
    List<String> created() {
        return List.copyOf(created);
    }

    /**
     * Creates the view {@code events}: one row per logged event, in log order, from {@link #BODIES}
     * and, with a null body, from the typed tables holding their events whole. Call once every row
     * is appended.
     */
    void createEventsView(Statement sql) throws SQLException {
        StringBuilder view = new StringBuilder("CREATE VIEW events AS SELECT * FROM (SELECT t, seq, type, body FROM ")
                .append(BODIES);
        for (var typed : typeOfTable.entrySet()) {
            view.append(" UNION ALL SELECT t, seq, ")
                    .append('\'')
                    .append(typed.getValue().replace("'", "''"))
                    .append('\'')
                    .append(" AS type, NULL::VARCHAR AS body FROM ")
                    .append(typed.getKey());
        }
        sql.execute(view.append(") ORDER BY seq").toString());
    }

    /** Writes every created table but {@link #BODIES} as {@code <table>.csv} into {@code folder}. */
    void exportCsv(Statement sql, Path folder) throws SQLException {
        for (String table : created) {
            if (!table.equals(BODIES)) {
                List<String[]> columns = SCHEMA.containsKey(table) ? SCHEMA.get(table) : DYNAMICS.get(table);
                CsvExport.copy(sql, table, columns, folder.resolve(table + ".csv"));
            }
        }
    }

    static String createTable(String name, List<String[]> columns) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(columns.get(i)[0])
                    .append("\" ")
                    .append(columns.get(i)[1]);
        }
        return sql.append(')').toString();
    }

    /** Rows written so far over all tables. */
    long rows() {
        long rows = 0;
        for (TableOutput table : tables.values()) {
            rows += table.rows();
        }
        return rows;
    }

    /**
     * Writes the event's rows; {@code line} is its line in events.jsonl (without the line break), or
     * null for an event whose typed table holds every field ({@link #hasTypedTable}).
     */
    void write(LoggedEvent logged, String line) throws SQLException {
        long t = logged.t();
        long seq = logged.seq();
        var event = logged.event();
        if (line == null) {
            typedType = event.type();
        } else {
            typedType = null;
            tables.get(BODIES).begin(t, seq).text(event.type()).text(line).end();
        }
        if (event instanceof CustomerEvent e) {
            customer(t, seq, e.customer());
        } else if (event instanceof ServiceEvent e) {
            service(t, seq, e.service());
        } else if (event instanceof SearchEvent e) {
            typed("searches")
                    .begin(t, seq)
                    .text(e.agent())
                    .text(e.query())
                    .integer(e.page())
                    .integer(e.totalPages())
                    .text(json(out -> out.strings("v", e.results())))
                    .end();
        } else if (event instanceof ImpressionEvent e) {
            typed("impressions")
                    .begin(t, seq)
                    .text(e.agent())
                    .bigint(e.search())
                    .text(e.service())
                    .integer(e.rank())
                    .integer(e.row())
                    .integer(e.column())
                    .text(json(out -> out.strings("v", e.tags())))
                    .money(e.price())
                    .real(e.priceFactor())
                    .real(e.rating())
                    .integer(e.reviews())
                    .end();
        } else if (event instanceof MessageEvent e) {
            typed("messages")
                    .begin(t, seq)
                    .text(e.from())
                    .text(e.to())
                    .text(e.text())
                    .text(json(out -> out.counts("v", e.items())))
                    .end();
        } else if (event instanceof ProposalEvent e) {
            var p = e.proposal();
            typed("proposals")
                    .begin(t, seq)
                    .text(p.id())
                    .text(p.service())
                    .text(p.customer())
                    .text(json(out -> ProposalEvent.writeLines(out, "v", p.lines())))
                    .money(p.total())
                    .bigint(p.validUntil())
                    .end();
        } else if (event instanceof PaymentEvent e) {
            typed("payments")
                    .begin(t, seq)
                    .text(e.proposal())
                    .text(e.customer())
                    .text(e.service())
                    .money(e.amount())
                    .end();
        } else if (event instanceof RejectionEvent e) {
            typed("rejections")
                    .begin(t, seq)
                    .text(e.agent())
                    .text(e.action())
                    .text(e.ref())
                    .text(e.reason().label())
                    .end();
        } else {
            dynamics(t, seq, event);
        }
    }

    private void dynamics(long t, long seq, Event event) throws SQLException {
        if (event instanceof PeriodEvent e) {
            dynamic("periods")
                    .begin(t, seq)
                    .integer(e.period())
                    .bigint(e.start())
                    .bigint(e.end())
                    .end();
        } else if (event instanceof ArrivalEvent e) {
            dynamic("arrivals")
                    .begin(t, seq)
                    .text(e.customer())
                    .integer(e.visit())
                    .end();
        } else if (event instanceof DeliveryEvent e) {
            dynamic("deliveries")
                    .begin(t, seq)
                    .text(e.proposal())
                    .text(e.customer())
                    .text(e.service())
                    .real(e.quality())
                    .end();
        } else if (event instanceof ReviewEvent e) {
            dynamic("reviews")
                    .begin(t, seq)
                    .text(e.service())
                    .text(e.customer())
                    .text(e.proposal())
                    .integer(e.stars())
                    .bool(e.fake())
                    .bool(e.filtered())
                    .end();
        } else if (event instanceof ReputationEvent e) {
            dynamic("reputation")
                    .begin(t, seq)
                    .text(e.service())
                    .real(e.rating())
                    .integer(e.reviews())
                    .end();
        } else if (event instanceof RestockEvent e) {
            dynamic("restocks")
                    .begin(t, seq)
                    .text(e.service())
                    .integer(e.stock())
                    .end();
        } else if (event instanceof QualityEvent e) {
            dynamic("quality").begin(t, seq).text(e.service()).real(e.quality()).end();
        } else {
            pricing(t, seq, event);
        }
    }

    private void pricing(long t, long seq, Event event) throws SQLException {
        if (event instanceof PricingEpisodeEvent e) {
            dynamic("pricing_episodes")
                    .begin(t, seq)
                    .integer(e.episode())
                    .bigint(e.periods())
                    .bool(e.converged())
                    .real(e.gain())
                    .text(json(out -> out.numbers("v", e.prices())))
                    .text(json(out -> out.numbers("v", e.profits())))
                    .end();
        } else if (event instanceof PricingBlockEvent e) {
            dynamic("pricing_blocks")
                    .begin(t, seq)
                    .integer(e.episode())
                    .bigint(e.from())
                    .bigint(e.to())
                    .real(e.epsilon())
                    .text(json(out -> out.numbers("v", e.prices())))
                    .text(json(out -> out.numbers("v", e.profits())))
                    .end();
        } else if (event instanceof PricingPeriodEvent e) {
            dynamic("pricing_periods")
                    .begin(t, seq)
                    .integer(e.period())
                    .text(json(out -> out.strings("v", e.services())))
                    .text(json(out -> out.amounts("v", e.prices())))
                    .text(json(out -> out.integers("v", e.sales())))
                    .text(json(out -> out.amounts("v", e.profits())))
                    .end();
        }
    }

    /** Whether every field of {@code event} has a column in a typed table (then {@code events.body} is null). */
    static boolean hasTypedTable(Event event) {
        return event instanceof CustomerEvent
                || event instanceof ServiceEvent
                || event instanceof SearchEvent
                || event instanceof ImpressionEvent
                || event instanceof MessageEvent
                || event instanceof ProposalEvent
                || event instanceof PaymentEvent
                || event instanceof RejectionEvent
                || WelfareFold.isDynamic(event);
    }

    private void customer(long t, long seq, Customer c) throws SQLException {
        RunCatalog.CustomerInfo info = catalog.customers().get(c.id());
        typed("customers")
                .begin(t, seq)
                .text(c.id())
                .text(json(out -> out.counts("v", c.items())))
                .text(json(out -> out.prices("v", c.referencePrices())))
                .text(json(out -> out.strings("v", c.requiredAmenities())))
                .money(c.budget())
                .money(c.timeCostPerHour())
                .text(info == null ? null : info.name())
                .text(info == null ? null : info.request())
                .text(info == null ? null : info.persona())
                .integer(info == null ? null : info.group())
                .text(info == null ? null : info.policy())
                .end();
    }

    private void service(long t, long seq, Service s) throws SQLException {
        RunCatalog.ServiceInfo info = catalog.services().get(s.id());
        typed("services")
                .begin(t, seq)
                .text(s.id())
                .text(json(out -> out.prices("v", s.menu())))
                .text(json(out -> out.strings("v", s.amenities())))
                .real(s.rating())
                .integer(s.reviewCount())
                .text(json(out -> out.prices("v", s.unitCosts())))
                .integer(s.capacity())
                .text(s.tactic())
                .text(info == null ? null : info.name())
                .text(info == null ? null : info.description())
                .integer(info == null ? null : info.group())
                .text(info == null ? null : info.policy())
                .end();
    }

    /** One field's value as the log writes it: the field is written as {@code {"v":...} and the value cut out. */
    private String json(Consumer<JsonLine> field) {
        json.setLength(0);
        field.accept(new JsonLine(json).begin());
        return json.substring(5);
    }

    /** Closes every appender (flushing its rows into its table); the first failure wins. */
    @Override
    public void close() throws SQLException {
        Exception first = null;
        for (TableOutput table : tables.values()) {
            try {
                table.close();
            } catch (SQLException | RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof SQLException e) {
            throw e;
        } else if (first instanceof RuntimeException e) {
            throw e;
        }
    }
}
