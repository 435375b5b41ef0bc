package org.mercato.sim.market.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

/**
 * Dense-vector search: services ranked by the cosine similarity of their text's embedding (name,
 * description and item names, see {@link ServiceText}) to the query's, both unit vectors from a
 * {@link TextEmbedder}. Services are embedded once, when the mechanism is made; queries as they
 * come, through the caches of {@link CachingEmbedder}.
 *
 * <ul>
 *   <li>Exact or approximate: with at most {@link SemanticSettings#exactUpTo()} services every
 *       service is scored; beyond, Lucene's HNSW graph ({@link HnswVectors}) proposes the
 *       candidates, which are then scored exactly. Either way the order is by exact score.
 *   <li>Ties: best score first, equal scores by service id.
 *   <li>Candidates: the ranking keeps the best {@link SemanticSettings#candidates()} services.
 *   <li>Filters: the search's amenities, minimum rating and price cap apply as in {@link
 *       FilteredSearch} (the price cap judged on the items whose names share a term with the
 *       query, the whole menu where none does), before the cut, so a filtered ranking still holds
 *       up to {@code candidates} services.
 *   <li>A blank query (no letter or digit): every admitted service, by id, as lexical search does.
 * </ul>
 *
 * The ranking depends on the query text and the filters ({@link Key}); re-listing keeps the vectors
 * and the index (the texts do not change with ratings).
 */
public final class SemanticSearch implements PureSearch {
    /** What a semantic ranking depends on besides the listings, and so its cache key. */
    public record Key(String query, SearchFilters filters) {}

    // ordinals follow service ids (the services are indexed sorted by id), so this breaks ties by id
    private static final Comparator<ScoredOrdinal> BEST_FIRST =
            Comparator.comparingDouble(ScoredOrdinal::score).reversed().thenComparingInt(ScoredOrdinal::ordinal);

    private final List<Service> byId;
    private final VectorIndex index;
    private final FilteredSearch filtered;
    private final CachingEmbedder embedder;
    private final int candidates;

    /** Embeds {@code services} (on {@code settings.threads()} threads) and indexes them. */
    public SemanticSearch(List<Service> services, SemanticSettings settings, TextEmbedder embedder) {
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing(Service::id));
        this.byId = List.copyOf(sorted);
        this.embedder = new CachingEmbedder(embedder, settings);
        this.index = VectorIndex.of(
                this.embedder.services(byId.stream().map(ServiceText::of).toList()), settings.exactUpTo());
        this.filtered = new FilteredSearch(services);
        this.candidates = settings.candidates();
    }

    private SemanticSearch(SemanticSearch from, FilteredSearch filtered, List<Service> byId) {
        this.byId = byId;
        this.index = from.index;
        this.filtered = filtered;
        this.embedder = from.embedder;
        this.candidates = from.candidates;
    }

    /** The same vectors over changed listings (same ids, names, descriptions and menus). */
    @Override
    public SemanticSearch relist(List<Service> services) {
        Map<String, Service> now = new HashMap<>(2 * services.size());
        for (Service service : services) {
            now.put(service.id(), service);
        }
        List<Service> relisted = new ArrayList<>(byId.size());
        for (Service listed : byId) {
            Service current = now.get(listed.id());
            if (current == null) {
                throw new IllegalArgumentException("re-listing lost service " + listed.id());
            }
            relisted.add(current);
        }
        return new SemanticSearch(this, filtered.relist(services), List.copyOf(relisted));
    }

    FilteredSearch filtered() {
        return filtered;
    }

    public Key key(Search search) {
        return new Key(search.query(), search.filters());
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        FilteredSearch.Key lexicalKey = filtered.key(search);
        BitSet admitted = admitted(lexicalKey);
        if (isBlank(search.query())) {
            List<Service> every = new ArrayList<>();
            for (int ordinal = 0; ordinal < byId.size(); ordinal++) {
                if (admitted == null || admitted.get(ordinal)) {
                    every.add(byId.get(ordinal));
                }
            }
            return every;
        }
        float[] query = embedder.query(search.query());
        int[] nearest = index.nearest(query, candidates, admitted);
        List<ScoredOrdinal> scored = new ArrayList<>(nearest.length);
        for (int ordinal : nearest) {
            scored.add(new ScoredOrdinal(ordinal, VectorIndex.dot(query, index.vectors()[ordinal])));
        }
        scored.sort(BEST_FIRST);
        List<Service> ranked = new ArrayList<>(candidates);
        for (ScoredOrdinal each : scored.subList(0, Math.min(candidates, scored.size()))) {
            ranked.add(byId.get(each.ordinal()));
        }
        return ranked;
    }

    /** The ordinals that pass the filters, or null when there are none to apply. */
    private BitSet admitted(FilteredSearch.Key key) {
        if (key.filters().isEmpty()) {
            return null;
        }
        BitSet admitted = new BitSet(byId.size());
        for (int ordinal = 0; ordinal < byId.size(); ordinal++) {
            if (filtered.admits(byId.get(ordinal), key)) {
                admitted.set(ordinal);
            }
        }
        return admitted;
    }

    /** Whether the query has nothing to embed: no letter or digit. */
    static boolean isBlank(String query) {
        return query.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    @Override
    public EmbeddingStats embeddingStats() {
        return embedder.stats();
    }
}
