package org.mercato.scenarios.keys;

/**
 * A scenario that binds but cannot be wired into a run, found where the wiring meets the problem
 * (group counts that do not add up, an unknown market domain, an LLM policy or {@code rewrite: llm}
 * without an llm section, an unreadable prompt file, ...). It names the key the problem is about,
 * so the validator reports it at that key's line and column without reading the message.
 */
public final class WiringException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient KeyPath key;
    private final String problem;

    public WiringException(KeyPath key, String problem) {
        super(key.isRoot() ? problem : key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The key the problem is about, such as {@code agents.assistants}. */
    public KeyPath key() {
        return key;
    }

    /** What is wrong, without the key. */
    public String problem() {
        return problem;
    }
}
