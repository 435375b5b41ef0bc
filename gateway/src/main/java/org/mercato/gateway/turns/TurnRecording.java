package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mercato.agents.llm.CacheMode;
import org.mercato.gateway.wire.WireCodec;

/**
 * The recorded turns of one external group, for replay: one file per agent, {@code
 * <folder>/<group>/<agent>.jsonl}, one line per turn {@code {"turn":n,"observations":"<sha256>",
 * "actions":[...]}} (and {@code "ended":"external-timeout"} for a turn the agent never answered). The modes are the LLM cache's ({@link CacheMode}): {@code record} starts every
 * agent's file afresh; {@code replay} and {@code replay-strict} read them, and a live turn (a miss
 * in {@code replay}) replaces the recorded turns from its number on, since what the agent saw after
 * it differs. {@link #flush} writes the files that changed, each whole through {@code writer}
 * (which must write atomically: temporary file, then rename). Each agent is used by one thread at a
 * time (its policy); different agents concurrently.
 */
public final class TurnRecording {
    /** Writes a whole file in place, atomically. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path target, String content) throws IOException;
    }

    private final CacheMode mode;
    private final Path folder;
    private final Map<String, AgentTurns> agents = new TreeMap<>();

    private TurnRecording(CacheMode mode, Path folder) {
        this.mode = mode;
        this.folder = folder;
    }

    /** Nothing recorded or replayed. */
    public static TurnRecording off() {
        return new TurnRecording(CacheMode.OFF, null);
    }

    /** The recording of group {@code group} in {@code cacheFolder} (its own subfolder), in {@code mode}. */
    public static TurnRecording of(CacheMode mode, Path cacheFolder, String group) {
        if (mode == CacheMode.OFF) {
            return off();
        }
        return new TurnRecording(mode, cacheFolder.resolve(fileName(group)));
    }

    public CacheMode mode() {
        return mode;
    }

    /** Whether turns come from the recording first ({@code replay}, {@code replay-strict}). */
    public boolean replays() {
        return mode == CacheMode.REPLAY || mode == CacheMode.REPLAY_STRICT;
    }

    /** Whether a turn missing from the recording fails the agent instead of asking it ({@code replay-strict}). */
    public boolean strict() {
        return mode == CacheMode.REPLAY_STRICT;
    }

    /** The file of {@code agent}'s turns (null when off). */
    public Path file(String agent) {
        return folder == null ? null : folder.resolve(fileName(agent) + ".jsonl");
    }

    /** The recorded turn {@code number} of {@code agent}, if any (always empty unless replaying). */
    public Optional<RecordedTurn> recorded(String agent, long number) {
        if (!replays()) {
            return Optional.empty();
        }
        AgentTurns turns = turns(agent);
        synchronized (turns) {
            return Optional.ofNullable(turns.turns.get(number));
        }
    }

    /** Records a live turn: what the agent saw ({@link #digest}) and answered. */
    public void record(String agent, long number, String observations, List<JsonNode> actions) {
        if (mode != CacheMode.OFF) {
            record(agent, new RecordedTurn(number, observations, actions));
        }
    }

    /** Records a live turn that got no answer: what the agent saw, and the reason the run ended it with. */
    public void recordEnd(String agent, long number, String observations, String reason) {
        if (mode != CacheMode.OFF) {
            record(agent, new RecordedTurn(number, observations, List.of(), reason));
        }
    }

    private void record(String agent, RecordedTurn turn) {
        AgentTurns turns = turns(agent);
        synchronized (turns) {
            turns.turns.tailMap(turn.turn(), true).clear();
            turns.turns.put(turn.turn(), turn);
            turns.changed = true;
        }
    }

    /** Writes every agent's file that changed since it was read. */
    public void flush(FileWriter writer) throws IOException {
        List<Map.Entry<String, AgentTurns>> changed = new ArrayList<>();
        synchronized (agents) {
            agents.entrySet().stream().filter(e -> e.getValue().changed).forEach(changed::add);
        }
        if (changed.isEmpty()) {
            return;
        }
        Files.createDirectories(folder);
        for (Map.Entry<String, AgentTurns> entry : changed) {
            AgentTurns turns = entry.getValue();
            synchronized (turns) {
                StringBuilder text = new StringBuilder();
                for (RecordedTurn turn : turns.turns.values()) {
                    text.append(line(turn)).append('\n');
                }
                writer.write(file(entry.getKey()), text.toString());
                turns.changed = false;
            }
        }
    }

    /** The SHA-256 (hex) of the canonical JSON text of a turn's observations. */
    public static String digest(List<JsonNode> observations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(WireCodec.text(observations).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private AgentTurns turns(String agent) {
        synchronized (agents) {
            return agents.computeIfAbsent(agent, this::load);
        }
    }

    private AgentTurns load(String agent) {
        AgentTurns turns = new AgentTurns();
        if (!replays()) {
            return turns; // record: this run's turns replace the older recording
        }
        Path file = file(agent);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return turns;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded turns " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            RecordedTurn turn = parse(file, i + 1, lines.get(i));
            turns.turns.put(turn.turn(), turn);
        }
        return turns;
    }

    private static String line(RecordedTurn turn) {
        ObjectNode node = WireCodec.JSON.createObjectNode();
        node.put("turn", turn.turn());
        node.put("observations", turn.observations());
        ArrayNode actions = node.putArray("actions");
        turn.actions().forEach(actions::add);
        if (turn.ended() != null) {
            node.put("ended", turn.ended());
        }
        return WireCodec.text(node);
    }

    private static RecordedTurn parse(Path file, int line, String text) {
        try {
            JsonNode node = WireCodec.JSON.readTree(text);
            JsonNode turn = node.get("turn");
            JsonNode observations = node.get("observations");
            JsonNode actions = node.get("actions");
            if (turn == null
                    || !turn.canConvertToLong()
                    || observations == null
                    || !observations.isTextual()
                    || actions == null
                    || !actions.isArray()) {
                throw new IllegalArgumentException(
                        file + ":" + line + ": a recorded turn needs \"turn\", \"observations\" and \"actions\"");
            }
            List<JsonNode> list = new ArrayList<>();
            actions.forEach(list::add);
            JsonNode ended = node.get("ended");
            return new RecordedTurn(
                    turn.asLong(),
                    observations.asText(),
                    list,
                    ended == null || ended.isNull() ? null : ended.asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + line + ": not JSON: " + e.getOriginalMessage());
        }
    }

    /** A file name for an id: itself when plain, else a readable part and a hash, so no id escapes the folder. */
    static String fileName(String id) {
        if (id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            return id;
        }
        String plain = id.replaceAll("[^A-Za-z0-9._-]", "_");
        plain = plain.substring(0, Math.min(40, plain.length()));
        return plain + "-"
                + digest(List.of(WireCodec.JSON.getNodeFactory().textNode(id))).substring(0, 12);
    }

    private static final class AgentTurns {
        final TreeMap<Long, RecordedTurn> turns = new TreeMap<>();
        boolean changed;
    }
}
