package org.mercato.agents.llm;

/**
 * A model call that failed for good (after retries, or a replay-strict cache miss). Messages name
 * the provider, model and HTTP status but never carry the response body or the API key: a 401
 * body may quote the key. {@link #reason()} is the short form a run reports as a failure's cause.
 */
public final class LlmException extends RuntimeException {
    private final int status;
    private final String reason;

    public LlmException(String message, int status) {
        this(message, status, message);
    }

    /** {@code reason}: one short line such as "openai gpt-4o-mini HTTP 401 Unauthorized". */
    public LlmException(String message, int status, String reason) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status of the last attempt, 0 when there was none (timeout, cache miss, I/O). */
    public int status() {
        return status;
    }

    /**
     * Why the call failed, in one short line: provider kind, model, then the HTTP status, "timeout
     * after 3s", "connection refused", "empty body" or "not JSON: " and the answer's first line.
     */
    public String reason() {
        return reason;
    }
}
