package org.mercato.agents.llm;

/**
 * A model call that failed for good (after retries, or a replay-strict cache miss). Messages name
 * the provider, model and HTTP status but never carry the response body or the API key: a 401
 * body may quote the key.
 */
public final class LlmException extends RuntimeException {
    private final int status;

    public LlmException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status of the last attempt, 0 when there was none (timeout, cache miss, I/O). */
    public int status() {
        return status;
    }
}
