package org.mercato.agents.llm;

/**
 * A chat model behind an interface of our own, so policies, the cache and tests never depend on a
 * vendor SDK. Implementations are thread-safe; {@link #chat} blocks and throws {@link LlmException}
 * when the call fails for good.
 */
public interface ChatProvider {
    LlmResponse chat(LlmRequest request);

    /** What determines an answer besides the request: provider kind, model and sampling parameters. */
    ProviderIdentity identity();

    /** Where speculative calls of this provider go, or null when it takes none. */
    default Prefetcher prefetcher() {
        return null;
    }
}
