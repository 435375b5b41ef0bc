package org.mercato.sim.market.search;

/** A service by ordinal with its cosine similarity to a query. */
record ScoredOrdinal(int ordinal, double score) {}
