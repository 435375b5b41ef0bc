package org.mercato.agents.transcript;

/**
 * Where agents report their model turns. Thread-safe: agents call it from the kernel's threads.
 * Each agent takes its turns one at a time, so the index it gets for a turn ({@link #nextIndex})
 * is the same whatever the threads do.
 */
public interface TranscriptSink {
    /** The next turn index of {@code agent}, from 0. */
    long nextIndex(String agent);

    void add(TranscriptTurn turn);
}
