package org.mercato.agents.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.agents.transcript.TranscriptSource;
import org.mercato.agents.transcript.TurnOrigin;

/**
 * One agent group's access to a model: the (possibly shared) provider, the record-and-replay cache
 * in the given mode, and the group's own usage counters. With {@code prefetch} on, {@link
 * #prefetch} sends a request ahead through the provider's {@link Prefetcher} and {@link #chat}
 * claims such an answer instead of calling again: an identical request gets one HTTP call.
 */
public final class LlmClient {
    private final ChatProvider provider;
    private final ResponseCache cache;
    private final CacheMode mode;
    private final boolean prefetch;
    private final LlmUsage usage = new LlmUsage();
    /** Where this group's turns go; null: not transcribed. */
    private volatile TranscriptGroup transcripts;
    /** Keys of recent requests: a guessed request is keyed again by its real call and by later guesses. */
    private final Cache<LlmRequest, String> keys =
            Caffeine.newBuilder().maximumSize(1024).executor(Runnable::run).build();

    /** A client with prefetching on. */
    public LlmClient(ChatProvider provider, ResponseCache cache, CacheMode mode) {
        this(provider, cache, mode, true);
    }

    public LlmClient(ChatProvider provider, ResponseCache cache, CacheMode mode, boolean prefetch) {
        this.provider = provider;
        this.cache = cache;
        this.mode = mode;
        this.prefetch = prefetch;
        if (mode != CacheMode.OFF && cache == null) {
            throw new IllegalArgumentException("cache mode " + mode.label() + " needs a cache");
        }
    }

    /** Reports every turn with a {@link TurnOrigin} from now on to {@code group} (see {@link #chat(LlmRequest, TurnOrigin)}). */
    public void transcribeTo(TranscriptGroup group) {
        this.transcripts = group;
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

    /** Whether {@link #prefetch} can send anything: prefetch on, a provider that prefetches, no replay. */
    boolean prefetches() {
        return prefetcher() != null && mode != CacheMode.REPLAY && mode != CacheMode.REPLAY_STRICT;
    }

    /** The provider's prefetcher when this client speculates, else null. */
    private Prefetcher prefetcher() {
        return prefetch ? provider.prefetcher() : null;
    }

    /**
     * Sends {@code request} ahead, expecting {@link #chat} to ask for it soon; returns at once. Does
     * nothing when replaying (answers come from the cache), when this run already has the answer in
     * memory, or with prefetching off. Changes no usage counter until the answer is used or wasted.
     */
    public void prefetch(LlmRequest request) {
        prefetchKeyed(request, Long.MAX_VALUE);
    }

    /**
     * As {@link #prefetch}, for an observation expected at virtual time {@code at} (earlier ones are
     * sent first); returns the request's key, or null when this client does not prefetch.
     */
    String prefetchKeyed(LlmRequest request, long at) {
        return prefetchKeyed(request, at, false);
    }

    /** As {@link #prefetchKeyed(LlmRequest, long)}; {@code guess}: sent for a guessed turn (its transcript source). */
    String prefetchKeyed(LlmRequest request, long at, boolean guess) {
        Prefetcher prefetcher = prefetcher();
        if (prefetcher == null || mode == CacheMode.REPLAY || mode == CacheMode.REPLAY_STRICT) {
            return null;
        }
        String key = key(request);
        if (mode == CacheMode.RECORD && cache.inMemory(key)) {
            return key;
        }
        prefetcher.offer(key, request, usage, at, guess);
        return key;
    }

    /** Calls {@code listener} after each speculative answer of this client's provider (if it prefetches). */
    void whenAnswered(Runnable listener) {
        Prefetcher prefetcher = prefetcher();
        if (prefetcher != null && mode != CacheMode.REPLAY && mode != CacheMode.REPLAY_STRICT) {
            prefetcher.whenAnswered(listener);
        }
    }

    /**
     * The answer to the request with {@code key} if this run already has it (recorded, or a
     * finished prefetch), without counting or claiming it; else null.
     */
    LlmResponse ready(String key) {
        if (mode == CacheMode.RECORD && cache.inMemory(key)) {
            return cache.get(key).orElse(null);
        }
        Prefetcher prefetcher = prefetcher();
        return prefetcher == null ? null : prefetcher.peek(key);
    }

    /** Answers a request per the cache mode; counts it; throws {@link LlmException} on failure. */
    public LlmResponse chat(LlmRequest request) {
        return chat(request, null);
    }

    /**
     * As {@link #chat(LlmRequest)}, for a turn of {@code origin}: when this client is transcribed
     * ({@link #transcribeTo}), the turn, answered or failed, is reported with its cache key (computed
     * whatever the cache mode), tokens, cost, wall latency and source. {@code origin} null: not reported.
     */
    public LlmResponse chat(LlmRequest request, TurnOrigin origin) {
        TranscriptGroup group = origin == null ? null : transcripts;
        if (group == null) {
            return answer(request, null).response();
        }
        LlmTranscripts line = new LlmTranscripts(
                group, origin, group.sink().nextIndex(origin.agent()), identity(), key(request), request);
        Answered answered;
        try {
            answered = answer(request, line.key());
        } catch (LlmException e) {
            group.sink()
                    .add(line.failed(
                            e, mode == CacheMode.REPLAY_STRICT ? TranscriptSource.REPLAY : TranscriptSource.NETWORK));
            throw e;
        }
        group.sink().add(line.answered(answered));
        return answered.response();
    }

    /** An answer with where it came from and the wall time it took (0 unless from the network). */
    record Answered(LlmResponse response, TranscriptSource source, long latencyMs) {}

    private Answered answer(LlmRequest request, String knownKey) {
        Prefetcher prefetcher = prefetcher();
        String key = knownKey != null ? knownKey : mode == CacheMode.OFF && prefetcher == null ? null : key(request);
        Optional<LlmResponse> cached = switch (mode) {
            case OFF -> Optional.empty();
            case RECORD -> cache.inMemory(key) ? cache.get(key) : Optional.empty();
            case REPLAY, REPLAY_STRICT -> cache.get(key);
        };
        if (cached.isPresent()) {
            usage.answered(cached.get(), true, request.images(), request.imageTokens());
            return new Answered(
                    cached.get(), mode == CacheMode.RECORD ? TranscriptSource.CACHE : TranscriptSource.REPLAY, 0);
        }
        if (mode == CacheMode.REPLAY_STRICT) {
            usage.failed();
            throw new LlmException(
                    "no recorded answer for request " + key.substring(0, 12) + " in replay-strict mode",
                    0,
                    identity().kind() + " " + identity().model() + " no recorded answer (replay-strict)");
        }
        Prefetcher.Claim claim = prefetcher == null ? null : prefetcher.claimed(key);
        LlmResponse response;
        TranscriptSource source;
        long latency = 0;
        if (claim != null) {
            response = claim.response();
            source = claim.guessed() ? TranscriptSource.GUESS : TranscriptSource.PREFETCH;
            usage.prefetched();
        } else {
            long started = System.nanoTime(); // wall time, only for the transcript's runtime part
            try {
                response = provider.chat(request);
            } catch (LlmException e) {
                usage.failed();
                throw e;
            }
            latency = (System.nanoTime() - started) / 1_000_000;
            source = TranscriptSource.NETWORK;
        }
        if (mode != CacheMode.OFF) {
            cache.put(key, response);
        }
        usage.answered(response, false, request.images(), request.imageTokens());
        return new Answered(response, source, latency);
    }

    private String key(LlmRequest request) {
        return keys.get(request, r -> ResponseCache.key(provider.identity(), r));
    }

    void toolError() {
        usage.toolError();
    }

    /** An agent of this group failed for good; {@code cause} is one short line (see {@link LlmUsage#failureCauses}). */
    void agentFailed(String cause) {
        usage.agentFailed(cause);
    }
}
