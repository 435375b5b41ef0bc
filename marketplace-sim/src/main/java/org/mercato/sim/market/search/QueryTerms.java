package org.mercato.sim.market.search;

import java.util.List;

/**
 * A query as the lexical index sees it: its distinct analyzed terms that occur in the index, sorted
 * (at most {@link LexicalSearch#MAX_TERMS}), and whether the text had no term at all ({@code blank}:
 * empty, punctuation or only stop words), which browses every service. The ranking depends on
 * nothing else, so this is also the lexical mechanisms' cache key.
 */
public record QueryTerms(List<String> terms, boolean blank) {
    public QueryTerms {
        terms = List.copyOf(terms);
    }
}
