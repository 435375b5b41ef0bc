package org.mercato.agents.llm;

import java.util.Optional;

/**
 * One agent group's access to a model: the (possibly shared) provider, the record-and-replay cache
 * in the given mode, and the group's own usage counters.
 */
public final class LlmClient {
    private final ChatProvider provider;
    private final ResponseCache cache;
    private final CacheMode mode;
    private final LlmUsage usage = new LlmUsage();

    public LlmClient(ChatProvider provider, ResponseCache cache, CacheMode mode) {
        this.provider = provider;
        this.cache = cache;
        this.mode = mode;
        if (mode != CacheMode.OFF && cache == null) {
            throw new IllegalArgumentException("cache mode " + mode.label() + " needs a cache");
        }
    }

    public LlmUsage usage() {
        return usage;
    }

    public ProviderIdentity identity() {
        return provider.identity();
    }

    public CacheMode mode() {
        return mode;
    }

    /** Answers a request per the cache mode; counts it; throws {@link LlmException} on failure. */
    public LlmResponse chat(LlmRequest request) {
        String key = mode == CacheMode.OFF ? null : ResponseCache.key(provider.identity(), request);
        Optional<LlmResponse> cached = switch (mode) {
            case OFF -> Optional.empty();
            case RECORD -> cache.inMemory(key) ? cache.get(key) : Optional.empty();
            case REPLAY, REPLAY_STRICT -> cache.get(key);
        };
        if (cached.isPresent()) {
            usage.answered(cached.get(), true);
            return cached.get();
        }
        if (mode == CacheMode.REPLAY_STRICT) {
            usage.failed();
            throw new LlmException(
                    "no recorded answer for request " + key.substring(0, 12) + " in replay-strict mode", 0);
        }
        LlmResponse response;
        try {
            response = provider.chat(request);
        } catch (LlmException e) {
            usage.failed();
            throw e;
        }
        if (key != null) {
            cache.put(key, response);
        }
        usage.answered(response, false);
        return response;
    }

    void toolError() {
        usage.toolError();
    }

    void agentFailed() {
        usage.agentFailed();
    }
}
