package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;

/**
 * The realized design of every page can be rebuilt from {@code events.jsonl} alone (the catalog
 * events, the search events and their impressions) and equals what each assistant was shown.
 */
class ImpressionRebuildTest {
    static final String SCENARIO = """
            name: pages
            seed: 17
            kernel: {parallelism: 2}
            market:
              generate: {customers: 30, services: 20, itemsPerCustomer: 2}
              search: {pageSize: 8}
              presentation: {layout: grid, rows: 2, columns: 4, mode: full}
            agents:
              assistants:
                - policy: browser
              services:
                - policy: posted-price
            """;

    @TempDir
    Path dir;

    /** Searches pages 0, 1 and 2 one after another, then stops; records every page it is shown. */
    static final class Browser implements AssistantPolicy {
        private final Map<String, List<SearchResults>> seen;
        private String request;

        Browser(Map<String, List<SearchResults>> seen) {
            this.seen = seen;
        }

        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof AssistantStarted started) {
                request = started.customer().request();
                return List.of(new Search(request, SearchFilters.NONE, 0));
            }
            if (observation instanceof SearchResults results) {
                // each agent writes only its own list (agents of one window may run on several threads)
                seen.computeIfAbsent(context.self(), a -> new ArrayList<>()).add(results);
                return results.page() < 2
                        ? List.of(new Search(request, SearchFilters.NONE, results.page() + 1))
                        : List.of(new Done("browsed"));
            }
            return List.of();
        }
    }

    /** One listing as rebuilt from the log, in the shape of what the assistant saw. */
    record Shown(
            String service,
            int rank,
            int row,
            int column,
            Set<String> tags,
            double rating,
            int reviews,
            Map<String, Long> prices,
            Long basket) {}

    static long cents(JsonNode money) {
        return money.decimalValue().movePointRight(2).longValueExact();
    }

    @Test
    void everyPageRebuiltFromTheLogIsWhatTheAssistantSaw() throws IOException {
        Map<String, List<SearchResults>> seen = new ConcurrentHashMap<>();
        PolicyRegistry registry = PolicyRegistry.builtIn();
        registry.registerAssistant("browser", params -> () -> new Browser(seen));
        Path file = dir.resolve("pages.yaml");
        Files.writeString(file, SCENARIO);
        RunResult result = new ScenarioRunner(registry, dir, KernelListener.NONE).run(ScenarioLoader.load(file));

        // ---- rebuild from the log alone
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Long>> menus = new TreeMap<>();
        Map<String, Map<String, Integer>> wants = new TreeMap<>();
        Map<Long, JsonNode> searches = new TreeMap<>();
        Map<Long, List<JsonNode>> impressions = new TreeMap<>();
        List<JsonNode> lines = new ArrayList<>();
        for (String text : Files.readAllLines(result.eventLog())) {
            lines.add(json.readTree(text));
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e = lines.get(i);
            switch (e.get("type").textValue()) {
                case "service" -> {
                    Map<String, Long> menu = new TreeMap<>();
                    e.get("menu").fields().forEachRemaining(f -> menu.put(f.getKey(), cents(f.getValue())));
                    menus.put(e.get("id").textValue(), menu);
                }
                case "customer" -> {
                    Map<String, Integer> items = new TreeMap<>();
                    e.get("items")
                            .fields()
                            .forEachRemaining(
                                    f -> items.put(f.getKey(), f.getValue().intValue()));
                    wants.put(e.get("id").textValue(), items);
                }
                case "search" -> searches.put(e.get("seq").longValue(), e);
                case "impression" -> {
                    long search = e.get("search").longValue();
                    impressions.computeIfAbsent(search, k -> new ArrayList<>()).add(e);
                    // impressions follow their search event directly, at its time
                    int offset = impressions.get(search).size();
                    assertThat(e.get("seq").longValue()).isEqualTo(search + offset);
                    assertThat(e.get("t").longValue())
                            .isEqualTo(searches.get(search).get("t").longValue());
                }
                default -> {}
            }
        }
        Map<String, List<List<Shown>>> rebuilt = new TreeMap<>();
        for (var entry : searches.entrySet()) {
            JsonNode search = entry.getValue();
            String agent = search.get("agent").textValue();
            List<Shown> page = new ArrayList<>();
            for (JsonNode i : impressions.getOrDefault(entry.getKey(), List.of())) {
                String service = i.get("service").textValue();
                double factor = i.get("price_factor").doubleValue();
                Map<String, Long> prices = new TreeMap<>();
                menus.get(service).forEach((item, price) -> prices.put(item, Math.round(price * factor)));
                Set<String> tags = new TreeSet<>();
                i.get("tags").forEach(t -> tags.add(t.textValue()));
                page.add(new Shown(
                        service,
                        i.get("rank").intValue(),
                        i.get("row").intValue(),
                        i.get("column").intValue(),
                        tags,
                        i.get("rating").doubleValue(),
                        i.get("reviews").intValue(),
                        prices,
                        i.get("price").isNull() ? null : cents(i.get("price"))));
            }
            // the impressions show exactly the page the search event lists, in some arrangement
            List<String> results = new ArrayList<>();
            search.get("results").forEach(r -> results.add(r.textValue()));
            assertThat(page).extracting(Shown::service).containsExactlyInAnyOrderElementsOf(results);
            rebuilt.computeIfAbsent(agent, a -> new ArrayList<>()).add(page);
        }

        // ---- compare with what each assistant was shown
        assertThat(seen).hasSize(30);
        assertThat(rebuilt.keySet()).isEqualTo(seen.keySet());
        int listings = 0;
        Set<Long> prices = new HashSet<>();
        for (var entry : seen.entrySet()) {
            String agent = entry.getKey();
            List<SearchResults> pages = entry.getValue();
            assertThat(pages).hasSize(3);
            assertThat(rebuilt.get(agent)).hasSize(3);
            for (int p = 0; p < 3; p++) {
                List<Shown> expected = new ArrayList<>();
                for (ListingView view : pages.get(p).listings()) {
                    expected.add(new Shown(
                            view.service(),
                            view.rank(),
                            view.row(),
                            view.column(),
                            new TreeSet<>(view.tags()),
                            view.rating(),
                            view.reviewCount(),
                            new TreeMap<>(view.prices()),
                            basket(wants.get(agent), view.prices())));
                    listings++;
                    prices.addAll(view.prices().values());
                }
                assertThat(rebuilt.get(agent).get(p)).as("%s page %d", agent, p).isEqualTo(expected);
            }
            // 20 services in pages of 8: two full 2 x 4 grids and a page of 4
            assertThat(pages.get(0).listings()).hasSize(8);
            assertThat(pages.get(2).listings()).hasSize(4);
        }
        assertThat(listings).isEqualTo(30 * 20);
        // some listings carry the whole basket (a price), others do not (null)
        List<Shown> all = rebuilt.values().stream()
                .flatMap(List::stream)
                .flatMap(List::stream)
                .toList();
        assertThat(all.stream().filter(x -> x.basket() != null).count()).isGreaterThan(20);
        assertThat(all.stream().filter(x -> x.basket() == null).count()).isGreaterThan(20);
        assertThat(all.stream().filter(x -> !x.tags().isEmpty()).count()).isGreaterThan(100);
        // the shown prices were randomized: they are not all menu prices
        Set<Long> menuPrices = new HashSet<>();
        menus.values().forEach(m -> menuPrices.addAll(m.values()));
        assertThat(prices.stream().filter(p -> !menuPrices.contains(p)).count()).isGreaterThan(100);
    }

    /** The page is a display randomization: whatever price was shown, the proposal is at the menu price. */
    @Test
    void proposalsAreMadeAtPostedPricesWhateverThePageShowed() {
        var scenario = ScenarioLoader.load(
                Path.of("speed-vs-satisficer.yaml"),
                List.of(
                        "kernel.mode=bare",
                        "market.search.pageSize=3",
                        "market.presentation.layout=grid",
                        "market.presentation.rows=1",
                        "market.presentation.columns=3",
                        "market.presentation.mode=full"));
        int shownOtherwise = 0;
        for (long seed = 1; seed <= 20; seed++) {
            List<LoggedEvent> events = RevealPolicyTest.run(RevealPolicyTest.withSeed(scenario, seed));
            var impressions = RevealPolicyTest.of(events, ImpressionEvent.class);
            assertThat(impressions).hasSize(3);
            shownOtherwise +=
                    (int) impressions.stream().filter(i -> i.price() != 1250L).count();
            var proposals = RevealPolicyTest.of(events, ProposalEvent.class);
            assertThat(proposals)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.proposal().total()).isEqualTo(1250L));
            assertThat(RevealPolicyTest.of(events, PaymentEvent.class))
                    .singleElement()
                    .extracting(PaymentEvent::amount)
                    .isEqualTo(1250L);
        }
        assertThat(shownOtherwise).isGreaterThan(50);
    }

    private static Long basket(Map<String, Integer> wanted, Map<String, Long> shown) {
        if (shown.isEmpty()) {
            return null;
        }
        long total = 0;
        for (var w : wanted.entrySet()) {
            Long price = shown.get(w.getKey());
            if (price == null) {
                return null;
            }
            total += price * w.getValue();
        }
        return total;
    }
}
