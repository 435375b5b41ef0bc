package org.mercato.explorer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code transcripts.jsonl} (one model turn per line), indexed at start by byte offset:
 * where each line starts and ends, and which agent took it at which {@code seq}. Only the index
 * stays in memory; a turn is read from the file when asked for. Turn {@code n} is line {@code n}.
 */
final class TranscriptIndex {
    static final String FILE = "transcripts.jsonl";
    /** The characters of an answer a thread shows before the turn is opened. */
    static final int SUMMARY_CHARS = 240;

    private static final TranscriptIndex NONE = new TranscriptIndex(null, new long[1], Map.of());

    private final Path file;
    /** Line n spans bytes [offsets[n], offsets[n + 1]) (newline included). */
    private final long[] offsets;

    private final Map<String, List<Integer>> turnsByAgent;

    private TranscriptIndex(Path file, long[] offsets, Map<String, List<Integer>> turnsByAgent) {
        this.file = file;
        this.offsets = offsets;
        this.turnsByAgent = turnsByAgent;
    }

    /** The index of the run folder's transcripts, empty when it has none. */
    static TranscriptIndex of(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        List<Long> starts = new ArrayList<>();
        Map<String, List<Integer>> byAgent = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long position = 0;
            long start = 0;
            int b;
            while ((b = in.read()) >= 0) {
                position++;
                if (b == '\n') {
                    index(line, start, starts, byAgent);
                    line.reset();
                    start = position;
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                index(line, start, starts, byAgent);
            }
            starts.add(position);
        } catch (IOException e) {
            throw new ExplorerException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        long[] offsets = starts.stream().mapToLong(Long::longValue).toArray();
        return new TranscriptIndex(file, offsets, byAgent);
    }

    private static void index(
            ByteArrayOutputStream line, long start, List<Long> starts, Map<String, List<Integer>> byAgent) {
        if (line.size() == 0) {
            return; // a blank line is not a turn
        }
        int turn = starts.size();
        starts.add(start);
        String agent = agentOf(line.toByteArray());
        if (agent != null) {
            byAgent.computeIfAbsent(agent, k -> new ArrayList<>()).add(turn);
        }
    }

    /** The top-level {@code agent} of a line, read without building the rest. */
    private static String agentOf(byte[] line) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("agent") && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // a broken line is still a turn: /api/turns/n says what is wrong with it
        }
    }

    boolean present() {
        return file != null;
    }

    int size() {
        return offsets.length - 1;
    }

    /** How many turns each agent took. */
    Map<String, Integer> countsByAgent() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        turnsByAgent.forEach((agent, turns) -> counts.put(agent, turns.size()));
        return counts;
    }

    /** The turn numbers of one agent, in file order. */
    List<Integer> turnsOf(String agent) {
        return turnsByAgent.getOrDefault(agent, List.of());
    }

    /** Line {@code n} as JSON, or a 404 when there is no such turn. */
    JsonNode turn(int n) {
        if (n < 0 || n >= size()) {
            throw HttpError.notFound("no such turn: " + n);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[Math.toIntExact(offsets[n + 1] - offsets[n])];
            raf.seek(offsets[n]);
            raf.readFully(bytes);
            return Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw HttpError.notFound("turn " + n + " is not a JSON line of " + FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The thread items of an agent's turns: where each goes ({@code seq}) and what it did, in brief. */
    List<Map<String, Object>> summariesOf(String agent) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int n : turnsOf(agent)) {
            items.add(summary(n, turn(n)));
        }
        return items;
    }

    /** The first {@link #SUMMARY_CHARS} characters, never half a surrogate pair. */
    static String excerpt(String text) {
        if (text.length() <= SUMMARY_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SUMMARY_CHARS - 1)) ? SUMMARY_CHARS - 1 : SUMMARY_CHARS;
        return text.substring(0, end);
    }

    /** A turn as a thread shows it before it is opened. */
    static Map<String, Object> summary(int n, JsonNode turn) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", turn.path("seq").asLong(-1));
        item.put("t", turn.path("t").isNumber() ? turn.get("t").longValue() : null);
        item.put("kind", "turn");
        item.put("turn", n);
        item.put("index", turn.path("index").asLong(0));
        item.put("agent", turn.path("agent").asText(null));
        item.put("role", turn.path("role").asText(null));
        item.put("model", turn.path("model").asText(null));
        item.put("source", turn.path("runtime").path("source").asText(null));
        String text = turn.path("answer").path("text").asText("");
        item.put("summary", excerpt(text));
        List<String> tools = new ArrayList<>();
        for (JsonNode call : turn.path("answer").path("toolCalls")) {
            tools.add(call.path("name").asText());
        }
        item.put("toolCalls", tools);
        item.put("error", turn.path("error").isTextual() ? turn.get("error").textValue() : null);
        return item;
    }
}
