package org.mercato.scenarios.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the blocks of a summary are read from besides the log: the live run, or in {@code mercato
 * report} the old {@code summary.json} (null when it was missing); and the blocks built so far, in
 * summary order.
 */
public final class SummarySource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveRun live;
    private final JsonNode old;
    private final Map<String, Long> failureCauses;
    private final Map<String, Object> blocks = new LinkedHashMap<>();

    private SummarySource(LiveRun live, JsonNode old, Map<String, Long> failureCauses) {
        this.live = live;
        this.old = old;
        this.failureCauses = new TreeMap<>(failureCauses);
    }

    /** A live run; {@code failureCauses} as the features explain them. */
    static SummarySource live(LiveRun run, Map<String, Long> failureCauses) {
        return new SummarySource(run, null, failureCauses);
    }

    /** {@code mercato report} with the old summary ({@code old} null when missing). */
    static SummarySource reread(JsonNode old) throws JsonProcessingException {
        AgentFailures before = old == null ? null : convert(old, "failures", AgentFailures.class);
        return new SummarySource(null, old, before == null ? Map.of() : before.explained());
    }

    /** The live run; null in {@code mercato report}. */
    public LiveRun live() {
        return live;
    }

    /** The old summary in {@code mercato report}; null in a live run or when it was missing. */
    public JsonNode old() {
        return old;
    }

    /** The causes of failed agents the log cannot tell (the model's answers), by cause. */
    public Map<String, Long> failureCauses() {
        return failureCauses;
    }

    /** The old summary's block under {@code key} as {@code type}; null when there is none. */
    public <T> T carried(String key, Class<T> type) {
        return carried(type, key);
    }

    /** The old summary's value at {@code path} (keys of nested objects) as {@code type}; null when there is none. */
    public <T> T carried(Class<T> type, String... path) {
        if (old == null) {
            return null;
        }
        JsonNode node = old;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.path(path[i]);
        }
        try {
            return convert(node, path[path.length - 1], type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** A block built before this one (earlier in summary order), or null. */
    public <T> T block(String key, Class<T> type) {
        return type.cast(blocks.get(key));
    }

    void put(String key, Object block) {
        blocks.put(key, block);
    }

    Map<String, Object> blocks() {
        return blocks;
    }

    static <T> T convert(JsonNode node, String field, Class<T> type) throws JsonProcessingException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : JSON.treeToValue(value, type);
    }
}
