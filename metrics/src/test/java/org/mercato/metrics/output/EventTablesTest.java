package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.RestockEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.events.WaitEvent;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.RejectionReason;

/**
 * Every typed table of results.duckdb keeps every field of its event, under the event's field
 * name, with the event's value (arrays and objects as the log's JSON text), and its CSV file has
 * the same columns and values.
 */
class EventTablesTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Columns the catalog adds to customers and services (not fields of their events). */
    private static final Set<String> CATALOG_COLUMNS =
            Set.of("name", "request", "persona", "group", "policy", "description");

    private static final Map<String, Event> ONE_OF_EACH = oneOfEach();

    private static Map<String, Event> oneOfEach() {
        Map<String, Event> events = new TreeMap<>();
        events.put(
                "customers",
                new CustomerEvent(new Customer(
                        "c1",
                        "Ann",
                        "Looking for Flan",
                        new TreeMap<>(Map.of("Flan", 2)),
                        new TreeMap<>(Map.of("Flan", 450L)),
                        new TreeSet<>(Set.of("wifi")),
                        2_000,
                        1_250,
                        "a \"careful\", thrifty shopper\nwho reads reviews")));
        events.put(
                "services",
                new ServiceEvent(new Service(
                        "s1",
                        "Casa",
                        "Best, since 1990",
                        new TreeMap<>(Map.of("Flan", 399L, "Tacos", 1_000L)),
                        new TreeSet<>(Set.of("wifi", "parking")),
                        4.5,
                        120,
                        new TreeMap<>(Map.of("Flan", 100L)),
                        3,
                        null,
                        "authority")));
        events.put("searches", new SearchEvent("c1", "Looking for Flan", 1, 3, List.of("s1", "s2")));
        events.put(
                "impressions",
                new ImpressionEvent("c1", 2, "s1", 1, 0, 1, new TreeSet<>(Set.of("sponsored")), 798L, 1.05, 4.25, 7));
        events.put("messages", new MessageEvent("c1", "s1", "Flan, please", new TreeMap<>(Map.of("Flan", 2))));
        events.put(
                "proposals",
                new ProposalEvent(
                        new Proposal("s1-p1", "s1", "c1", List.of(new OrderLine("Flan", 2, 399)), 798, 5, 99)));
        events.put("payments", new PaymentEvent("s1-p1", "c1", "s1", 798));
        events.put("rejections", new RejectionEvent("c1", "pay", "s1-p9", RejectionReason.UNKNOWN_PROPOSAL));
        events.put("periods", new PeriodEvent(2, 172_800_000_000L, 259_200_000_000L));
        events.put("arrivals", new ArrivalEvent("c1", 3));
        events.put("deliveries", new DeliveryEvent("s1-p1", "c1", "s1", 0.4));
        events.put("reputation", new ReputationEvent("s1", 3.7, 125));
        events.put("restocks", new RestockEvent("s1", 12));
        events.put("quality", new QualityEvent("s1", 0.25));
        return events;
    }

    @Test
    void everyTypedTableHoldsEveryFieldOfItsEventUnderItsName(@TempDir Path folder) throws Exception {
        List<LoggedEvent> logged = new ArrayList<>();
        for (Event event : ONE_OF_EACH.values()) {
            logged.add(new LoggedEvent(10 * logged.size(), logged.size(), event));
        }
        Map<String, JsonNode> lines = new TreeMap<>();
        try (ResultTables tables = ResultTables.open(folder, RunCatalog.NONE, true, false)) {
            logged.forEach(tables::accept);
            tables.finish("{}");
        }
        for (LoggedEvent event : logged) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
                writer.accept(event);
            }
            String table = ONE_OF_EACH.entrySet().stream()
                    .filter(e -> e.getValue() == event.event())
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            lines.put(table, JSON.readTree(bytes.toString(StandardCharsets.UTF_8)));
        }

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("results.duckdb"));
                Statement sql = c.createStatement()) {
            for (var entry : lines.entrySet()) {
                String table = entry.getKey();
                JsonNode line = entry.getValue();
                List<String> fields = new ArrayList<>();
                line.fieldNames().forEachRemaining(fields::add);
                fields.remove("type");
                try (ResultSet r = sql.executeQuery("SELECT * FROM " + table)) {
                    assertThat(r.next()).as(table).isTrue();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        columns.add(r.getMetaData().getColumnName(i));
                    }
                    assertThat(columns.stream().filter(col -> !CATALOG_COLUMNS.contains(col)))
                            .as(table)
                            .containsExactlyElementsOf(fields);
                    for (String field : fields) {
                        assertSameValue(table + "." + field, line.get(field), r.getString(field));
                    }
                }
                List<String> csv = Files.readAllLines(folder.resolve("csv/" + table + ".csv"));
                assertThat(csv.get(0).split(",")).as(table).startsWith(fields.toArray(String[]::new));
            }
        }
    }

    @Test
    void eventsKeepsTheWholeLineOnlyForEventsWithoutATypedTable(@TempDir Path folder) throws Exception {
        List<LoggedEvent> logged = new ArrayList<>();
        for (Event event : ONE_OF_EACH.values()) {
            logged.add(new LoggedEvent(logged.size(), logged.size(), event));
        }
        LoggedEvent done = new LoggedEvent(50, logged.size(), new DoneEvent("c1", "purchased"));
        LoggedEvent wait = new LoggedEvent(60, logged.size() + 1, new WaitEvent("c1", 900));
        logged.add(done);
        logged.add(wait);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ResultTables tables = ResultTables.open(folder, RunCatalog.NONE, false, false)) {
            try (JsonlEventWriter writer = new JsonlEventWriter(log, tables)) {
                logged.forEach(writer::accept);
            }
            tables.finish("{}");
        }
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("results.duckdb"));
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery("SELECT seq, type, body FROM events ORDER BY seq")) {
            for (LoggedEvent event : logged) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong("seq")).isEqualTo(event.seq());
                assertThat(r.getString("type")).isEqualTo(event.event().type());
                String expected = event == done || event == wait ? lines.get((int) event.seq()) : null;
                assertThat(r.getString("body")).as(event.event().type()).isEqualTo(expected);
            }
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void reviewsHoldNullsForAFakeReviewsCustomerAndProposal(@TempDir Path folder) throws Exception {
        try (ResultTables tables = ResultTables.open(folder, RunCatalog.NONE, true, true)) {
            tables.accept(new LoggedEvent(5, 0, new ReviewEvent("s1", "c1", "s1-p1", 2, false, false)));
            tables.accept(new LoggedEvent(6, 1, new ReviewEvent("s1", null, null, 5, true, true)));
            tables.finish("{}");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("results.duckdb"));
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery("SELECT * FROM reviews ORDER BY seq")) {
            assertThat(r.next()).isTrue();
            assertThat(List.of(r.getString("customer"), r.getString("proposal"), r.getString("stars")))
                    .containsExactly("c1", "s1-p1", "2");
            assertThat(r.getBoolean("fake")).isFalse();
            assertThat(r.getBoolean("filtered")).isFalse();
            assertThat(r.next()).isTrue();
            assertThat(r.getString("customer")).isNull();
            assertThat(r.getString("proposal")).isNull();
            assertThat(r.getBoolean("fake")).isTrue();
            assertThat(r.getBoolean("filtered")).isTrue();
        }
        assertThat(Files.readAllLines(folder.resolve("csv/reviews.csv")))
                .containsExactly(
                        "t,seq,service,customer,proposal,stars,fake,filtered",
                        "5,0,s1,c1,s1-p1,2,false,false",
                        "6,1,s1,,,5,true,true");
        assertThat(folder.resolve("parquet/reviews.parquet")).isRegularFile();
    }

    @Test
    void aLogWithoutDynamicsHasNoneOfTheirTables(@TempDir Path folder) throws Exception {
        try (ResultTables tables = ResultTables.open(folder, RunCatalog.NONE, true, true)) {
            tables.accept(new LoggedEvent(0, 0, ONE_OF_EACH.get("customers")));
            tables.finish("{}");
        }
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("results.duckdb"));
                Statement sql = c.createStatement();
                ResultSet r =
                        sql.executeQuery("SELECT table_name FROM information_schema.tables ORDER BY table_name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        List<String> expected = new ArrayList<>(DuckDbResults.tables());
        java.util.Collections.sort(expected);
        assertThat(names).containsExactlyElementsOf(expected);
        for (String dynamic : EventTables.DYNAMICS.keySet()) {
            assertThat(folder.resolve("csv/" + dynamic + ".csv")).doesNotExist();
            assertThat(folder.resolve("parquet/" + dynamic + ".parquet")).doesNotExist();
        }
    }

    /** The column's text is the field's value: the same text, number or JSON array/object. */
    private static void assertSameValue(String what, JsonNode field, String column) throws Exception {
        if (field.isNull()) {
            assertThat(column).as(what).isNull();
        } else if (field.isContainerNode()) {
            assertThat(JSON.readTree(column)).as(what).isEqualTo(field);
        } else if (field.isNumber()) {
            assertThat(new BigDecimal(column)).as(what).isEqualByComparingTo(field.decimalValue());
        } else {
            assertThat(column).as(what).isEqualTo(field.asText());
        }
    }

    @Test
    void csvQuotesOnlyWhatNeedsItAndKeepsLineBreaks(@TempDir Path folder) throws Exception {
        try (ResultTables tables = ResultTables.open(folder, RunCatalog.NONE, true, false)) {
            tables.accept(new LoggedEvent(0, 0, ONE_OF_EACH.get("customers")));
            tables.finish("{}");
        }
        String csv = Files.readString(folder.resolve("csv/customers.csv"));
        assertThat(csv)
                .isEqualTo("t,seq,id,items,reference_prices,amenities,budget,time_cost_per_hour,name,request,persona,"
                        + "group,policy\n"
                        + "0,0,c1,\"{\"\"Flan\"\":2}\",\"{\"\"Flan\"\":4.50}\",\"[\"\"wifi\"\"]\",20.00,12.50,,,,,\n");
    }

    @Test
    void theCatalogFillsTheNamesAndGroupsOfCustomersAndServices(@TempDir Path folder) throws Exception {
        RunCatalog catalog = RunCatalog.of(
                List.of(new RunCatalog.CustomerInfo("c1", "Ann", "Looking for Flan", "thrifty", 1, "rational")),
                List.of(new RunCatalog.ServiceInfo("s1", "Casa", "Best, since 1990", 0, "honest")));
        try (ResultTables tables = ResultTables.open(folder, catalog, true, false)) {
            tables.accept(new LoggedEvent(0, 0, ONE_OF_EACH.get("customers")));
            tables.accept(new LoggedEvent(0, 1, ONE_OF_EACH.get("services")));
            tables.finish("{}");
        }
        assertThat(Files.readAllLines(folder.resolve("csv/customers.csv")).get(1))
                .endsWith(",Ann,Looking for Flan,thrifty,1,rational");
        assertThat(Files.readAllLines(folder.resolve("csv/services.csv")).get(1))
                .endsWith(",4.5,120,\"{\"\"Flan\"\":1.00}\",3,authority,Casa,\"Best, since 1990\",0,honest");
    }
}
