package org.mercato.sim.strategyauction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuctionMemoryTest {
    private static final List<MemoryEntry> ENTRIES = List.of(
            new MemoryEntry(
                    "c1-t1",
                    0.25,
                    "carefully refactor the \"billing\" parser",
                    "small",
                    "small",
                    "1. read\n2. fix",
                    120,
                    4.5,
                    true),
            new MemoryEntry(
                    "c2-t1", 0.9, "expertly plan a délivery route", "large", "large", "plan ✓", 200, 2.25, false));

    @Test
    void savedMemoryLoadsBackEntryForEntryAndSavesTheSameBytes(@TempDir Path dir) throws IOException {
        new AuctionMemory(ENTRIES).save(dir);

        AuctionMemory loaded = AuctionMemory.load(dir);
        assertThat(loaded.entries()).isEqualTo(ENTRIES);
        String bytes = Files.readString(dir.resolve(AuctionMemory.FILE));
        loaded.save(dir);
        assertThat(Files.readString(dir.resolve(AuctionMemory.FILE))).isEqualTo(bytes);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve(AuctionMemory.FILE));
        }
    }

    @Test
    void aMissingFolderIsAnEmptyMemory(@TempDir Path dir) throws IOException {
        assertThat(AuctionMemory.load(dir.resolve("none")).size()).isZero();
    }

    @Test
    void aBadLineIsReportedWithItsNumber(@TempDir Path dir) throws IOException {
        new AuctionMemory(ENTRIES).save(dir);
        Path file = dir.resolve(AuctionMemory.FILE);
        Files.writeString(file, Files.readString(file) + "{\"task\": 3}\n");

        assertThatThrownBy(() -> AuctionMemory.load(dir))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ":3: not an auction memory entry");
    }

    @Test
    void similarityWeighsDifficultyAndSharedTerms() {
        Task task = new Task("t", "c", 0.25, "carefully refactor the billing parser");
        assertThat(AuctionMemory.similarity(task, ENTRIES.get(0))).isEqualTo(1.0);
        assertThat(new AuctionMemory(ENTRIES).similar(task, 1)).containsExactly(ENTRIES.get(0));
        assertThat(new AuctionMemory(ENTRIES).similar(task, 5)).containsExactlyElementsOf(ENTRIES);
    }
}
