package org.mercato.sim.market.search;

/**
 * What embedding cost a run. The first group is deterministic (a function of scenario and seed):
 * the model, its dimensions, how many service texts and distinct query texts were embedded. {@code
 * cost} varies with what earlier runs in the process or on disk left behind: vectors computed by the
 * model, found in the memory cache or on disk, and the milliseconds spent.
 */
public record EmbeddingStats(String model, int dimensions, long services, long queries, Cost cost) {
    /** Where the vectors came from, and the wall-clock milliseconds it took. */
    public record Cost(long computed, long memoryHits, long diskHits, long millis) {}
}
