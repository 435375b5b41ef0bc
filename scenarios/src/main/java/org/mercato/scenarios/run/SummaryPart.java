package org.mercato.scenarios.run;

/**
 * One block of {@code summary.json} under its {@link #key()}: a {@link SummaryFold} (folded from the
 * event log) or a {@link RunFact} (known to the live run only, carried over by {@code mercato
 * report}). {@link SummaryFactory} writes them in the order {@link RunFeatures#summaryParts} lists
 * them.
 */
public interface SummaryPart {
    /** The key in {@code summary.json}. */
    String key();

    /** The block, or null: the key is then left out, unless {@link #writesNull()}. */
    Object value(SummarySource source);

    /** Whether a null block is written as {@code null} rather than left out. */
    default boolean writesNull() {
        return false;
    }
}
