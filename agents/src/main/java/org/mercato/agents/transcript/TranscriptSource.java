package org.mercato.agents.transcript;

import java.util.Locale;

/** Where a turn's answer came from ({@code runtime.source} of a transcript line). */
public enum TranscriptSource {
    /** A call made for this turn (or an outside agent's live answer). */
    NETWORK,
    /** This run had the answer already (a repeated request while recording). */
    CACHE,
    /** A request sent ahead of the observation, by prefetching. */
    PREFETCH,
    /** A request sent ahead while guessing several turns ahead. */
    GUESS,
    /** The recording of an earlier run (cache or turn recording in a replay mode). */
    REPLAY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
