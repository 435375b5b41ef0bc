package org.mercato.sim.market.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

/**
 * BM25 and dense vectors fused by reciprocal rank fusion: the {@link FilteredSearch} ranking (BM25
 * with the search's filters, its first {@code candidates} services) and the {@link SemanticSearch}
 * ranking (same filters, {@code candidates} services) are merged; a service's score is
 *
 * <pre>score = Σ over the two lists that hold it of 1 / (rrfK + rank)</pre>
 *
 * with ranks from 1, so the result is the union of both lists, best score first, equal scores by
 * service id. A service first in both rankings scores {@code 2 / (rrfK + 1)}, more than any other
 * can, so it is first. A blank query lists every admitted service by id, as both rankings do. The
 * ranking depends on the query text and the filters ({@link SemanticSearch.Key}).
 */
public final class HybridSearch implements PureSearch {
    private record Fused(Service service, double score) {}

    private static final Comparator<Fused> BEST_FIRST = Comparator.comparingDouble(Fused::score)
            .reversed()
            .thenComparing(fused -> fused.service().id());

    private final SemanticSearch semantic;
    private final int rrfK;
    private final int candidates;

    public HybridSearch(List<Service> services, SemanticSettings settings, TextEmbedder embedder) {
        this(new SemanticSearch(services, settings, embedder), settings);
    }

    private HybridSearch(SemanticSearch semantic, SemanticSettings settings) {
        this(semantic, settings.rrfK(), settings.candidates());
    }

    private HybridSearch(SemanticSearch semantic, int rrfK, int candidates) {
        this.semantic = semantic;
        this.rrfK = rrfK;
        this.candidates = candidates;
    }

    @Override
    public HybridSearch relist(List<Service> services) {
        return new HybridSearch(semantic.relist(services), rrfK, candidates);
    }

    public SemanticSearch.Key key(Search search) {
        return semantic.key(search);
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        List<Service> dense = semantic.rank(search, searcher);
        if (SemanticSearch.isBlank(search.query())) {
            return dense;
        }
        List<Service> lexical = semantic.filtered().rank(search, searcher);
        return fuse(lexical.subList(0, Math.min(candidates, lexical.size())), dense, rrfK);
    }

    /** Reciprocal rank fusion of two rankings (see the class comment). */
    static List<Service> fuse(List<Service> first, List<Service> second, int rrfK) {
        Map<String, Fused> byId = new HashMap<>();
        for (List<Service> ranking : List.of(first, second)) {
            for (int i = 0; i < ranking.size(); i++) {
                Service service = ranking.get(i);
                double share = 1.0 / (rrfK + i + 1);
                byId.merge(
                        service.id(), new Fused(service, share), (a, b) -> new Fused(a.service(), a.score() + share));
            }
        }
        List<Fused> fused = new ArrayList<>(byId.values());
        fused.sort(BEST_FIRST);
        List<Service> ranked = new ArrayList<>(fused.size());
        for (Fused each : fused) {
            ranked.add(each.service());
        }
        return ranked;
    }

    @Override
    public EmbeddingStats embeddingStats() {
        return semantic.embeddingStats();
    }
}
