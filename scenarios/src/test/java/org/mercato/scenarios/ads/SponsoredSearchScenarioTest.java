package org.mercato.scenarios.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.sim.events.AdAuctionEvent;
import org.mercato.sim.events.AdChargeEvent;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.SearchEvent;

/**
 * The bundled sponsored-search study at a reduced size (80 shoppers, 20 sellers), for each
 * mechanism and for reserves that do and do not bind: ads are shown and paid for, a reserve
 * raises prices and leaves slots empty, a prohibitive reserve gives exactly the market without
 * ads, the log reads back byte for byte, and the same seed gives the same log.
 */
class SponsoredSearchScenarioTest {
    @TempDir
    Path runs;

    private RunResult run(String mechanism, String reserve) throws IOException {
        return run(mechanism, reserve, true);
    }

    private RunResult run(String mechanism, String reserve, boolean counterfactual, String... more) throws IOException {
        List<String> overrides = new ArrayList<>(List.of(
                "market.generate.customers=80",
                "market.generate.services=20",
                "market.ads.mechanism=" + mechanism,
                "market.ads.reserve=" + reserve,
                "market.ads.counterfactual=" + counterfactual));
        overrides.addAll(List.of(more));
        Scenario scenario = ScenarioLoader.load(Path.of("sponsored-search.yaml"), overrides);
        return Mercato.writingTo(runs).run(scenario);
    }

    private static List<LoggedEvent> events(RunResult result) throws IOException {
        return EventReader.readAll(result.eventLog());
    }

    private static <E> List<E> of(List<LoggedEvent> events, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (LoggedEvent event : events) {
            if (type.isInstance(event.event())) {
                out.add(type.cast(event.event()));
            }
        }
        return out;
    }

    @Test
    void everyMechanismSellsSlotsThatShowAsSponsoredAndArePaidFor() throws IOException {
        for (String mechanism : List.of("gsp", "vcg", "first-price")) {
            RunResult result = run(mechanism, "0");
            List<LoggedEvent> events = events(result);
            List<AdAuctionEvent> auctions = of(events, AdAuctionEvent.class);
            long firstPages = of(events, SearchEvent.class).stream()
                    .filter(s -> s.page() == 0 && !s.results().isEmpty())
                    .count();
            assertThat(auctions).as(mechanism).hasSize((int) firstPages).isNotEmpty();
            assertThat(auctions).allSatisfy(a -> assertThat(a.mechanism()).isEqualTo(mechanism));
            long sponsoredImpressions = of(events, ImpressionEvent.class).stream()
                    .filter(i -> i.tags().contains("sponsored"))
                    .count();
            long slotsFilled =
                    auctions.stream().mapToLong(a -> a.winners().size()).sum();
            assertThat(sponsoredImpressions)
                    .as(mechanism)
                    .isEqualTo(slotsFilled)
                    .isPositive();
            var ads = result.summary().ads();
            assertThat(ads.platformRevenue()).as(mechanism).isPositive();
            assertThat(ads.platformRevenue())
                    .isEqualByComparingTo(BigDecimal.valueOf(
                            of(events, AdChargeEvent.class).stream()
                                    .mapToLong(AdChargeEvent::amount)
                                    .sum(),
                            2));
            assertThat(ads.sponsoredChoices()).isPositive();
            assertThat(ads.counterfactual()).isNotNull();
            assertThat(ads.counterfactual().welfareWithAds())
                    .isEqualByComparingTo(result.summary().market().surplus().totalWelfare());
            assertThat(Files.readString(result.folder().resolve("summary.json")))
                    .contains("\"ads\" : {");
            assertThat(Files.readString(result.folder().resolve("report.html")))
                    .contains("Sponsored slots (" + mechanism + ")")
                    .contains("without ads (same seed)");
        }
    }

    @Test
    void aBindingReserveRaisesPricesAndLeavesSlotsEmpty() throws IOException {
        var free = run("gsp", "0", false).summary().ads();
        RunResult reserved = run("gsp", "60.00", false);
        var binding = reserved.summary().ads();
        assertThat(binding.fillRate()).isLessThan(free.fillRate());
        assertThat(binding.meanPrice()).isGreaterThan(free.meanPrice());
        for (AdAuctionEvent auction : of(events(reserved), AdAuctionEvent.class)) {
            assertThat(auction.winners()).allSatisfy(w -> assertThat(w.price()).isGreaterThanOrEqualTo(6_000));
        }
        for (AdChargeEvent charge : of(events(reserved), AdChargeEvent.class)) {
            assertThat(charge.amount()).isGreaterThanOrEqualTo(6_000);
        }
    }

    @Test
    void aProhibitiveReserveIsTheMarketWithoutAds() throws IOException {
        var ads = run("vcg", "100000").summary().ads();
        assertThat(ads.slotsFilled()).isZero();
        assertThat(ads.platformRevenue()).isEqualByComparingTo("0");
        assertThat(ads.counterfactual().welfareEffect()).isEqualByComparingTo("0");
    }

    @Test
    void theLogReadsBackByteForByteAndTheSameSeedGivesTheSameLogWhateverTheKernel() throws IOException {
        RunResult first = run("first-price", "30.00", false);
        RunResult second = run("first-price", "30.00", false, "kernel.mode=bare");
        RunResult wide = run("first-price", "30.00", false, "kernel.parallelism=4");
        byte[] bytes = Files.readAllBytes(first.eventLog());
        assertThat(Files.readAllBytes(second.eventLog())).isEqualTo(bytes);
        assertThat(Files.readAllBytes(wide.eventLog())).isEqualTo(bytes);
        StringBuilder rewritten = new StringBuilder();
        for (LoggedEvent event : events(first)) {
            event.writeJson(rewritten);
            rewritten.append('\n');
        }
        assertThat(rewritten.toString()).isEqualTo(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
}
