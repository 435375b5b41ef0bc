package org.mercato.agents.llm;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one agent group used: model calls answered over HTTP and from the cache, failed calls,
 * tokens, tool calls the model got wrong, and agents that ended with {@code llm-error} (by cause,
 * {@link #failureCauses()}); of the HTTP
 * calls, those answered by a speculative request sent ahead ({@link #prefetchedCalls()}); and
 * speculative calls whose answer nobody used ({@link #wastedCalls()}, paid for all the same).
 * Counted outside the event log (the log stays identical between a live run and its replay).
 */
public final class LlmUsage {
    private final LongAdder httpCalls = new LongAdder();
    private final LongAdder cachedCalls = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder httpInputTokens = new LongAdder();
    private final LongAdder httpOutputTokens = new LongAdder();
    private final LongAdder toolErrors = new LongAdder();
    private final LongAdder agentsFailed = new LongAdder();
    private final LongAdder prefetchedCalls = new LongAdder();
    private final LongAdder wastedCalls = new LongAdder();
    private final LongAdder wastedInputTokens = new LongAdder();
    private final LongAdder wastedOutputTokens = new LongAdder();
    private final LongAdder images = new LongAdder();
    private final LongAdder imageTokens = new LongAdder();
    private final SortedMap<String, Long> causes = new TreeMap<>();

    void answered(LlmResponse response, boolean cached) {
        answered(response, cached, 0, 0);
    }

    /**
     * An answered call to a request showing {@code images} estimated at {@code imageTokens}: those
     * count as its input tokens when the server reports none ({@link LlmResponse#countedInput}).
     */
    void answered(LlmResponse response, boolean cached, int images, long imageTokens) {
        (cached ? cachedCalls : httpCalls).increment();
        long input = response.countedInput(imageTokens);
        this.images.add(images);
        this.imageTokens.add(imageTokens);
        inputTokens.add(input);
        outputTokens.add(response.outputTokens());
        if (!cached) {
            httpInputTokens.add(input);
            httpOutputTokens.add(response.outputTokens());
        }
    }

    /** Input tokens of calls answered over HTTP (what was paid for in this run). */
    public long httpInputTokens() {
        return httpInputTokens.sum();
    }

    public long httpOutputTokens() {
        return httpOutputTokens.sum();
    }

    void prefetched() {
        prefetchedCalls.increment();
    }

    /** A speculative call nobody used; {@code response} null when it had not answered yet. */
    void wasted(LlmResponse response) {
        wastedCalls.increment();
        if (response != null) {
            wastedInputTokens.add(response.inputTokens());
            wastedOutputTokens.add(response.outputTokens());
        }
    }

    /** HTTP calls whose answer came from a speculative request (included in {@link #httpCalls()}). */
    public long prefetchedCalls() {
        return prefetchedCalls.sum();
    }

    /** Speculative calls whose answer was not used (not in {@link #httpCalls()}). */
    public long wastedCalls() {
        return wastedCalls.sum();
    }

    public long wastedInputTokens() {
        return wastedInputTokens.sum();
    }

    public long wastedOutputTokens() {
        return wastedOutputTokens.sum();
    }

    void failed() {
        failedCalls.increment();
    }

    void toolError() {
        toolErrors.increment();
    }

    void agentFailed(String cause) {
        agentsFailed.increment();
        synchronized (causes) {
            causes.merge(cause, 1L, Long::sum);
        }
    }

    /**
     * The agents that failed, counted by cause: one short line each, such as "openai gpt-4o-mini
     * HTTP 401 Unauthorized" or "openai gpt-4o-mini timeout after 3s"; sorted by cause.
     */
    public SortedMap<String, Long> failureCauses() {
        synchronized (causes) {
            return Collections.unmodifiableSortedMap(new TreeMap<>(causes));
        }
    }

    public long httpCalls() {
        return httpCalls.sum();
    }

    public long cachedCalls() {
        return cachedCalls.sum();
    }

    public long failedCalls() {
        return failedCalls.sum();
    }

    public long inputTokens() {
        return inputTokens.sum();
    }

    public long outputTokens() {
        return outputTokens.sum();
    }

    /** Images shown in answered calls (a page shown again in a later call counts again). */
    public long images() {
        return images.sum();
    }

    /** The estimated input tokens of those images. */
    public long imageTokens() {
        return imageTokens.sum();
    }

    public long toolErrors() {
        return toolErrors.sum();
    }

    public long agentsFailed() {
        return agentsFailed.sum();
    }
}
