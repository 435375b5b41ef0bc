package org.mercato.agents.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The turns of one run, kept as JSON text as they come (from any thread) and handed out in the
 * file's order: by ({@code seq}, {@code agent}, {@code index}), then numbered by {@code turn} from
 * 0. That order depends only on what each agent saw and did, never on which turn finished first.
 */
public final class TranscriptRecorder implements TranscriptSink {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Comparator<Kept> ORDER =
            Comparator.comparingLong(Kept::seq).thenComparing(Kept::agent).thenComparingLong(Kept::index);

    private record Kept(long seq, String agent, long index, String json) {}

    private final ConcurrentHashMap<String, AtomicLong> indices = new ConcurrentHashMap<>();
    private final List<Kept> kept = new ArrayList<>();

    @Override
    public long nextIndex(String agent) {
        return indices.computeIfAbsent(agent, a -> new AtomicLong()).getAndIncrement();
    }

    @Override
    public void add(TranscriptTurn turn) {
        String json;
        try {
            json = JSON.writeValueAsString(turn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the transcript of a turn of " + turn.agent(), e);
        }
        Kept entry = new Kept(turn.seq(), turn.agent(), turn.index(), json);
        synchronized (kept) {
            kept.add(entry);
        }
    }

    /** How many turns were recorded. */
    public int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    /** The lines of {@code transcripts.jsonl}, in order, each starting with its {@code turn} number. */
    public List<String> lines() {
        List<Kept> sorted;
        synchronized (kept) {
            sorted = new ArrayList<>(kept);
        }
        sorted.sort(ORDER);
        List<String> lines = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            lines.add("{\"turn\":" + i + "," + sorted.get(i).json().substring(1));
        }
        return lines;
    }

    /** The whole file's text: {@link #lines()}, each ending with a newline. */
    public String text() {
        StringBuilder text = new StringBuilder();
        lines().forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
