package org.mercato.agents.llm;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one agent group used: model calls answered over HTTP and from the cache, failed calls,
 * tokens, tool calls the model got wrong, and agents that ended with {@code llm-error}. Counted
 * outside the event log (the log stays identical between a live run and its replay).
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

    void answered(LlmResponse response, boolean cached) {
        (cached ? cachedCalls : httpCalls).increment();
        inputTokens.add(response.inputTokens());
        outputTokens.add(response.outputTokens());
        if (!cached) {
            httpInputTokens.add(response.inputTokens());
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

    void failed() {
        failedCalls.increment();
    }

    void toolError() {
        toolErrors.increment();
    }

    void agentFailed() {
        agentsFailed.increment();
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

    public long toolErrors() {
        return toolErrors.sum();
    }

    public long agentsFailed() {
        return agentsFailed.sum();
    }
}
