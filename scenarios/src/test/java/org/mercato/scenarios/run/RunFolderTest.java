package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run owns its folder alone: never shared with a concurrent run, nor with a killed run's leftovers. */
class RunFolderTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

    @TempDir
    Path root;

    /**
     * Runs started in the same second got the same folder when the name was checked, then created
     * (a race: the old code failed about one repetition in three).
     */
    @RepeatedTest(6)
    void runsStartedInTheSameSecondGetFoldersOfTheirOwn() throws Exception {
        int runs = 24;
        CyclicBarrier start = new CyclicBarrier(runs);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    folders.add(ScenarioRunner.newFolder(root, "quickstart", "", NOW));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(folders).hasSize(runs).allMatch(Files::isDirectory);
    }

    @Test
    void aKilledRunsFolderAndItsTemporariesAreLeftAlone() throws Exception {
        Path killed = Files.createDirectories(root.resolve("quickstart-20260102-030405"));
        for (String stale : List.of("events.jsonl.tmp", "run.log.0a1b2c3d.tmp", "results.duckdb.tmp.wal")) {
            Files.writeString(killed.resolve(stale), "left by a killed run");
        }

        Path folder = ScenarioRunner.newFolder(root, "quickstart", "", NOW);

        assertThat(folder.getFileName()).hasToString("quickstart-20260102-030405-2");
        try (var files = Files.list(killed)) {
            assertThat(files.count()).isEqualTo(3);
        }
        assertThat(killed.resolve("events.jsonl.tmp")).hasContent("left by a killed run");
    }

    @Test
    void aFolderThatCannotBeCreatedIsAWriteFailure() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-folder"), "");

        assertThatThrownBy(() -> ScenarioRunner.newFolder(file, "quickstart", "", NOW))
                .isInstanceOf(RunWriteException.class)
                .hasMessageStartingWith("cannot write " + file + ": ");
    }

    @Test
    void temporariesHaveNamesOfTheirOwn() {
        Path target = root.resolve("summary.json");
        Path first = AtomicFiles.temporaryFor(target);
        Path second = AtomicFiles.temporaryFor(target);

        assertThat(first).isNotEqualTo(second).isNotEqualTo(root.resolve("summary.json.tmp"));
        assertThat(first.getFileName().toString()).matches("summary\\.json\\.[0-9a-f]{8}\\.tmp");
    }
}
