package org.mercato.sim.market.search;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

/**
 * {@link LexicalSearch} with the search's structured filters applied to its ranking: required
 * amenities, minimum rating and a price cap, judged by the items whose names match the query (by the
 * whole menu at a service where none does). Filtering after ranking keeps BM25's statistics those of
 * the whole market.
 */
public final class FilteredSearch implements PureSearch {
    /** What a filtered ranking depends on, and so its cache key. */
    public record Key(QueryTerms terms, SearchFilters filters) {}

    private final LexicalSearch lexical;

    public FilteredSearch(List<Service> services) {
        this(new LexicalSearch(services));
    }

    private FilteredSearch(LexicalSearch lexical) {
        this.lexical = lexical;
    }

    /** The same index over the changed listings (see {@link LexicalSearch#relist}). */
    @Override
    public FilteredSearch relist(List<Service> services) {
        return new FilteredSearch(lexical.relist(services));
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        return rank(key(search));
    }

    public Key key(Search search) {
        return new Key(lexical.terms(search.query()), search.filters());
    }

    public List<Service> rank(Key key) {
        List<Service> ranked = lexical.rank(key.terms());
        SearchFilters filters = key.filters();
        if (filters.isEmpty()) {
            return ranked;
        }
        List<Service> kept = new ArrayList<>();
        for (Service service : ranked) {
            if (admits(service, key)) {
                kept.add(service);
            }
        }
        return kept;
    }

    /**
     * Whether the service passes the key's filters, its price cap judged by the items whose names
     * share a term with the query (the whole menu where none does).
     */
    public boolean admits(Service service, Key key) {
        return key.filters().admits(service, item -> lexical.isAbout(item, key.terms()));
    }
}
