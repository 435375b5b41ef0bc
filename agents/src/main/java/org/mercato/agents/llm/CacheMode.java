package org.mercato.agents.llm;

import java.util.Locale;

/**
 * How model answers are recorded and replayed. {@code OFF}: every request goes to the model, nothing
 * is stored. {@code RECORD}: every request not yet answered in this run goes to the model and the
 * answer is stored (overwriting an older recording), so a run re-records its cache. {@code
 * REPLAY}: a stored answer is used; a miss goes to the model and is stored. {@code REPLAY_STRICT}:
 * only stored answers; a miss is an error (the agent ends with {@code llm-error}).
 */
public enum CacheMode {
    OFF,
    RECORD,
    REPLAY,
    REPLAY_STRICT;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CacheMode parse(String text) {
        for (CacheMode mode : values()) {
            if (mode.label().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "cache mode must be off, record, replay or replay-strict, was '" + text + "'");
    }
}
