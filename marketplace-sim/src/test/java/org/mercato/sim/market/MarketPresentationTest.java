package org.mercato.sim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.market.presentation.PagePresenter;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.schedule.Scheduled;

/** Results pages through a presenter: what the assistant is shown and the impressions logged. */
class MarketPresentationTest {
    private static final Customer ANA = new Customer(
            "ana",
            "ana",
            "tacos",
            new TreeMap<>(Map.of("tacos", 2, "horchata", 1)),
            new TreeMap<>(Map.of("tacos", 1000L, "horchata", 350L)),
            new TreeSet<>(),
            10_000);

    /** s1..s7 carry tacos and horchata; s8 only tacos. */
    private static Catalog catalog() {
        List<Service> services = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            services.add(
                    Service.of("s" + i, Map.of("tacos", 900L + i, "horchata", 300L), Set.of(), 5.0 - 0.5 * i, 10 * i));
        }
        services.add(Service.of("s8", Map.of("tacos", 800L), Set.of(), 0.5, 3));
        return new Catalog(services, List.of(ANA));
    }

    private static Market market(PresentationSettings settings, SearchSettings search) {
        Catalog catalog = catalog();
        return new Market(
                new AgentDirectory(catalog),
                new SimpleSearch(catalog.services()),
                search,
                PagePresenter.of(settings, 42),
                ProposalReveal.immediate());
    }

    private static SearchResults search(Market market, RecordingOutput out, int page, long seq) {
        market.apply(new Scheduled.ActionAt(100, 0, seq, new Search("tacos", SearchFilters.NONE, page)), out);
        return (SearchResults) out.deliveries.get(out.deliveries.size() - 1).observation();
    }

    @Test
    void todaysPageLogsNoImpressions() {
        RecordingOutput out = new RecordingOutput();
        SearchResults results = search(market(PresentationSettings.DEFAULT, SearchSettings.DEFAULT), out, 0, 0);
        assertThat(out.events).hasSize(1);
        assertThat(out.onlyEvent()).isInstanceOf(SearchEvent.class);
        assertThat(results.listings())
                .extracting(ListingView::service)
                .containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
        assertThat(results.listings()).extracting(ListingView::row).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void eachListingShownIsAnImpressionRightAfterItsSearchEventInReadingOrder() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(PresentationSettings.aces(), new SearchSettings(8, 10, true));
        out.record(0, new SearchEvent("x", "", 0, 0, List.of())); // an earlier event: seq 0
        SearchResults results = search(market, out, 0, 0);

        assertThat(out.events).hasSize(1 + 1 + 8);
        SearchEvent searchEvent = (SearchEvent) out.events.get(1).event();
        assertThat(searchEvent.results()).containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
        List<ImpressionEvent> impressions = out.eventsOf(ImpressionEvent.class);
        assertThat(impressions).hasSize(8).allSatisfy(i -> {
            assertThat(i.search()).isEqualTo(1); // the search event's seq
            assertThat(i.agent()).isEqualTo("ana");
        });
        for (int k = 0; k < 8; k++) {
            ListingView view = results.listings().get(k);
            ImpressionEvent impression = impressions.get(k);
            assertThat(impression.service()).isEqualTo(view.service());
            assertThat(impression.rank()).isEqualTo(view.rank()).isEqualTo(k + 1);
            assertThat(impression.row()).isEqualTo(view.row());
            assertThat(impression.column()).isEqualTo(view.column());
            assertThat(impression.tags()).isEqualTo(view.tags());
            assertThat(impression.rating()).isEqualTo(view.rating());
            assertThat(impression.reviews()).isEqualTo(view.reviewCount());
            if (view.service().equals("s8")) {
                assertThat(impression.price()).as("s8 lacks horchata").isNull();
            } else {
                assertThat(impression.price())
                        .isEqualTo(
                                2 * view.prices().get("tacos") + view.prices().get("horchata"));
            }
        }
        assertThat(out.events.subList(1, 10))
                .extracting(RecordingOutput.Recorded::time)
                .containsOnly(100L);
    }

    @Test
    void hiddenPricesGiveNullImpressionPrices() {
        RecordingOutput out = new RecordingOutput();
        search(market(PresentationSettings.aces(), new SearchSettings(8, 10, false)), out, 0, 0);
        assertThat(out.eventsOf(ImpressionEvent.class))
                .hasSize(8)
                .allSatisfy(i -> assertThat(i.price()).isNull());
    }

    @Test
    void laterPagesContinueTheRanksAndAnEmptyPageLogsNoImpression() {
        RecordingOutput out = new RecordingOutput();
        Market market = market(
                PresentationSettings.aces().withLayout(PresentationSettings.Layout.GRID, 1, 3),
                new SearchSettings(3, 10, true));
        SearchResults second = search(market, out, 2, 0);
        assertThat(second.listings()).extracting(ListingView::rank).containsExactly(7, 8);
        assertThat(second.listings()).extracting(ListingView::service).containsExactlyInAnyOrder("s7", "s8");
        out.clear();
        SearchResults beyond = search(market, out, 5, 1);
        assertThat(beyond.listings()).isEmpty();
        assertThat(out.onlyEvent()).isInstanceOf(SearchEvent.class);
    }
}
