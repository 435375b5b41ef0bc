package org.mercato.sim.strategyauction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The shared auction memory: every past auction in the order it happened, and the k most similar
 * to a new task. Similarity is deterministic: half how close the difficulties are (1 − |Δ|), half
 * the Jaccard overlap of the texts' terms (lower-cased letter runs of three or more); ties go to
 * the older entry. Persisted to {@code <folder>/memory.jsonl}, one entry a line, written to a
 * temporary file and renamed, so a sweep's runs can share what earlier runs learned.
 */
public final class AuctionMemory {
    public static final String FILE = "memory.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The longest problem text a {@link CorruptEntryException} quotes. */
    private static final int MAX_PROBLEM = 120;

    private final List<MemoryEntry> entries = new ArrayList<>();
    private final List<List<String>> terms = new ArrayList<>();

    public AuctionMemory() {}

    public AuctionMemory(List<MemoryEntry> initial) {
        initial.forEach(this::add);
    }

    public void add(MemoryEntry entry) {
        entries.add(entry);
        terms.add(entry.terms());
    }

    public int size() {
        return entries.size();
    }

    public List<MemoryEntry> entries() {
        return List.copyOf(entries);
    }

    /** The k most similar entries to the task, most similar first, ties by age (older first). */
    public List<MemoryEntry> similar(Task task, int k) {
        if (k <= 0 || entries.isEmpty()) {
            return List.of();
        }
        List<String> taskTerms = terms(task.text());
        record Ranked(int index, double similarity) {}
        List<Ranked> ranked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ranked.add(new Ranked(
                    i, similarity(task.difficulty(), taskTerms, entries.get(i).difficulty(), terms.get(i))));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::similarity).reversed().thenComparingInt(Ranked::index));
        List<MemoryEntry> out = new ArrayList<>(Math.min(k, ranked.size()));
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            out.add(entries.get(ranked.get(i).index()));
        }
        return out;
    }

    /** The similarity of a task to an entry, in [0, 1]. */
    public static double similarity(Task task, MemoryEntry entry) {
        return similarity(task.difficulty(), terms(task.text()), entry.difficulty(), entry.terms());
    }

    private static double similarity(double d1, List<String> t1, double d2, List<String> t2) {
        return 0.5 * (1 - Math.abs(d1 - d2)) + 0.5 * jaccard(t1, t2);
    }

    private static double jaccard(List<String> a, List<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        int common = a.size() + b.size() - union.size();
        return (double) common / union.size();
    }

    /** The distinct terms of a text, sorted. */
    static List<String> terms(String text) {
        TreeSet<String> out = new TreeSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 3) {
                out.add(word);
            }
        }
        return List.copyOf(out);
    }

    /** A line of {@code memory.jsonl} that is not an entry; the message names the file and the line. */
    public static final class CorruptEntryException extends IOException {
        private static final long serialVersionUID = 1L;

        private final transient Path file;
        private final int line;
        private final String problem;

        CorruptEntryException(Path file, int line, String problem) {
            super(file + ":" + line + ": not an auction memory entry: " + shorten(problem));
            this.file = file;
            this.line = line;
            this.problem = "not an auction memory entry: " + shorten(problem);
        }

        public Path file() {
            return file;
        }

        /** The 1-based line. */
        public int line() {
            return line;
        }

        /** What is wrong with the line, without the file and line. */
        public String problem() {
            return problem;
        }

        private static String shorten(String text) {
            String first =
                    text == null ? "" : text.lines().findFirst().orElse("").strip();
            return first.length() <= MAX_PROBLEM ? first : first.substring(0, MAX_PROBLEM) + "…";
        }
    }

    /**
     * Loads {@code <folder>/memory.jsonl}; an empty memory when the file does not exist. A line
     * that is not an entry is a {@link CorruptEntryException}.
     */
    public static AuctionMemory load(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return new AuctionMemory();
        }
        AuctionMemory memory = new AuctionMemory();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                memory.add(JSON.readValue(line, MemoryEntry.class));
            } catch (JsonProcessingException e) {
                throw new CorruptEntryException(file, number, e.getOriginalMessage());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new CorruptEntryException(file, number, String.valueOf(e.getMessage()));
            }
        }
        return memory;
    }

    /** Writes every entry to {@code <folder>/memory.jsonl} (temporary file, then rename). */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        StringBuilder out = new StringBuilder();
        for (MemoryEntry entry : entries) {
            out.append(JSON.writeValueAsString(entry)).append('\n');
        }
        Path target = folder.resolve(FILE);
        Path temporary = Files.createTempFile(folder, FILE, ".tmp");
        try {
            Files.writeString(temporary, out, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
