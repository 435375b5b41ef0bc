package org.mercato.scenarios.strategyauction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.strategyauction.StrategyAuctionMetrics;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunReport;
import org.mercato.scenarios.run.RunResult;
import org.mercato.sim.events.BidEvent;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.LoggedEvent;

/** Strategy auctions inside a run: determinism, the log's round trip, the summary, the memory. */
class StrategyAuctionRunTest {
    private static Scenario small(String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of(
                "market.generate.customers=4",
                "market.generate.services=2",
                "market.strategyAuction.tasksPerCustomer=10",
                "output.duckdb=false"));
        all.addAll(List.of(overrides));
        return ScenarioLoader.load(Path.of("strategy-auction-routing.yaml"), all);
    }

    @Test
    void theSameSeedWritesTheSameLogAndAnotherSeedAnother(@TempDir Path runs) throws IOException {
        RunResult a = Mercato.writingTo(runs).run(small());
        RunResult b = Mercato.writingTo(runs).run(small());
        RunResult other = Mercato.writingTo(runs).run(small("seed=8"));

        assertThat(Files.readString(b.eventLog())).isEqualTo(Files.readString(a.eventLog()));
        assertThat(Files.readString(other.eventLog())).isNotEqualTo(Files.readString(a.eventLog()));
        assertThat(b.summary().strategyAuction()).isEqualTo(a.summary().strategyAuction());
    }

    @Test
    void theAuctionsFollowTheMarketInTheLogAndReadBackByteForByte(@TempDir Path runs) throws IOException {
        RunResult result = Mercato.writingTo(runs).run(small());

        List<String> lines = Files.readAllLines(result.eventLog());
        List<LoggedEvent> events = EventReader.readAll(result.eventLog());
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder again = new StringBuilder();
            events.get(i).writeJson(again);
            assertThat(again.toString()).isEqualTo(lines.get(i));
            assertThat(events.get(i).seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(events.get(i).t())
                        .isGreaterThanOrEqualTo(events.get(i - 1).t());
            }
        }
        int firstTask = indexOf(lines, "\"type\":\"task\"");
        assertThat(lines.subList(firstTask, lines.size()))
                .allMatch(l -> l.matches(".*\"type\":\"(task|bid|auction|execution)\".*"));
        assertThat(lines.subList(0, firstTask))
                .noneMatch(l -> l.matches(".*\"type\":\"(task|bid|auction|execution)\".*"));
        assertThat(lines.stream().filter(l -> l.contains("\"type\":\"auction\"")))
                .hasSize(40);

        StrategyAuctionMetrics recomputed = RunReport.recompute(result.folder()).strategyAuction();
        assertThat(recomputed).isEqualTo(result.summary().strategyAuction());
        assertThat(Files.readString(result.folder().resolve("summary.json"))).contains("\"strategyAuction\" : {");
        assertThat(Files.readString(result.folder().resolve("report.html")))
                .contains("<h2>Strategy auctions: share of tasks won by bidder class</h2>")
                .contains("difficulty 0.0-0.2 · small");
    }

    @Test
    void aRunWithoutStrategyAuctionsHasNoBlockAndNoAuctionEvents(@TempDir Path runs) throws IOException {
        RunResult result = Mercato.writingTo(runs)
                .run(ScenarioLoader.load(Path.of("quickstart.yaml"), List.of("market.generate.customers=5")));

        assertThat(result.summary().strategyAuction()).isNull();
        assertThat(Files.readString(result.folder().resolve("summary.json"))).doesNotContain("strategyAuction");
        assertThat(Files.readString(result.eventLog())).doesNotContain("\"type\":\"task\"");
        assertThat(Files.readString(result.folder().resolve("report.html"))).doesNotContain("Strategy auctions");
    }

    @Test
    void theMemoryCarriesOverToTheNextRun(@TempDir Path dir) throws IOException {
        Path memory = dir.resolve("memory");
        String keep = "market.strategyAuction.memory=" + memory;
        RunResult fresh = Mercato.writingTo(dir.resolve("runs")).run(small());
        RunResult first = Mercato.writingTo(dir.resolve("runs")).run(small(keep));
        List<String> firstTasks = Files.readAllLines(memory.resolve("memory.jsonl")).stream()
                .map(line -> line.substring("{\"task\":\"".length(), line.indexOf("\",")))
                .toList();
        RunResult second = Mercato.writingTo(dir.resolve("runs")).run(small(keep));

        assertThat(Files.readString(first.eventLog())).isEqualTo(Files.readString(fresh.eventLog()));
        assertThat(first.summary().strategyAuction().memoryAtStart()).isZero();
        assertThat(firstTasks).hasSize(40).doesNotHaveDuplicates();
        assertThat(second.summary().strategyAuction().memoryAtStart()).isEqualTo(40);
        assertThat(second.summary().strategyAuction().memoryAtEnd()).isEqualTo(80);
        assertThat(Files.readAllLines(memory.resolve("memory.jsonl"))).hasSize(80);
        BidEvent firstRefinement = EventReader.readAll(second.eventLog()).stream()
                .map(LoggedEvent::event)
                .filter(e -> e instanceof BidEvent bid && bid.round() == 2)
                .map(e -> (BidEvent) e)
                .findFirst()
                .orElseThrow();
        assertThat(firstRefinement.memory()).hasSize(3).isSubsetOf(firstTasks);
        assertThat(Files.readString(second.eventLog())).isNotEqualTo(Files.readString(first.eventLog()));
    }

    @Test
    void aBidderWithoutCapabilityIsReportedAtItsKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file, Files.readString(Path.of("strategy-auction-routing.yaml")).replace(" capability: 0.6,", ""));

        assertThatThrownBy(() -> Mercato.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.yaml:")
                .hasMessageContaining("market.strategyAuction.bidders[1]")
                .hasMessageContaining("needs capability");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
