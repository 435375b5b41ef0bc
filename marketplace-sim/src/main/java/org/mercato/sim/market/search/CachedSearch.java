package org.mercato.sim.market.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

/**
 * A mechanism's full rankings in a bounded Caffeine cache, keyed by (mechanism, what the ranking
 * depends on, market version); the market pages after, so every page of one query shares an entry.
 * What a ranking depends on is the mechanism's to say ({@link KeyFunction}): the analyzed query
 * terms for {@code lexical}, those and the filters for {@code filtered}, the query text and the
 * filters for {@code semantic} and {@code hybrid} (the text is what is embedded; its vector is
 * cached apart, by the text's hash), the filters for {@code simple}, the customer's items and
 * amenities for {@code oracle}; {@code random} says nothing ({@code null}) and is never cached.
 *
 * <p>A cached ranking equals the one the mechanism would compute again (every mechanism here is a
 * pure function of its key and the listings of that market version), so the cache changes speed,
 * never results, whatever Caffeine evicts and when. Maintenance runs on the calling thread (the
 * market's), so the cache starts no threads. Counts requests and hits for the run summary; with
 * evictions (more distinct keys than {@code maximumSize}) the hit count may differ slightly between
 * runs, as Caffeine's admission policy adds a little randomness, while the event log cannot.
 */
public final class CachedSearch implements SearchMechanism {
    /** What a ranking depends on besides the listings, or null when it must not be cached. */
    @FunctionalInterface
    public interface KeyFunction {
        Object keyOf(Search search, Customer searcher);
    }

    private static final int PREVIEWS = 4096;

    private record Key(String mechanism, Object ranking, long version) {}

    private final String mechanism;
    private SearchMechanism inner;
    private final KeyFunction keys;
    private final MarketVersion version;
    private final int maximumSize;
    private final Cache<Key, List<Service>> cache;
    private final Map<Key, List<Service>> previews = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Service>> eldest) {
            return size() > PREVIEWS;
        }
    };
    private long requests;
    private long hits;

    /** {@code maximumSize} 0 turns the cache off (every request is a miss). */
    public CachedSearch(
            String mechanism, SearchMechanism inner, KeyFunction keys, MarketVersion version, int maximumSize) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("cache size must be >= 0, was " + maximumSize);
        }
        this.mechanism = mechanism;
        this.inner = inner;
        this.keys = keys;
        this.version = version;
        this.maximumSize = maximumSize;
        this.cache = maximumSize == 0
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maximumSize)
                        .executor(Runnable::run)
                        .build();
    }

    /**
     * Reads the cache without counting, storing or touching its eviction order; what it computes
     * goes to a small memo of its own, since the same guesses are previewed again and again.
     */
    @Override
    public List<Service> preview(Search search, Customer searcher) {
        Object ranking = keys.keyOf(search, searcher);
        if (ranking == null) {
            return inner.preview(search, searcher);
        }
        Key key = new Key(mechanism, ranking, version.current());
        List<Service> cached = cache == null ? null : cache.policy().getIfPresentQuietly(key);
        if (cached == null) {
            cached = previews.get(key);
        }
        if (cached == null) {
            cached = inner.preview(search, searcher);
            if (cached != null) {
                previews.put(key, List.copyOf(cached));
            }
        }
        return cached;
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        requests++;
        Object ranking = cache == null ? null : keys.keyOf(search, searcher);
        if (ranking == null) {
            return inner.rank(search, searcher);
        }
        Key key = new Key(mechanism, ranking, version.current());
        List<Service> cached = cache.getIfPresent(key);
        if (cached != null) {
            hits++;
            return cached;
        }
        // a guess may have previewed this very ranking already: same key, same result
        List<Service> ranked = previews.get(key);
        if (ranked == null) {
            ranked = List.copyOf(inner.rank(search, searcher));
        }
        cache.put(key, ranked);
        return ranked;
    }

    /**
     * Re-lists in place: the mechanism behind the cache now ranks {@code services} (same ids, new
     * ratings or counts), and the market version is bumped so no ranking of the old listings is
     * served again. The keys stay as they were: they depend on the search and the searcher, never
     * on ratings. Null (and nothing changed) when the mechanism behind cannot re-list.
     */
    @Override
    public CachedSearch relist(List<Service> services) {
        SearchMechanism relisted = inner.relist(services);
        if (relisted == null) {
            return null;
        }
        inner = relisted;
        version.bump();
        return this;
    }

    public String mechanism() {
        return mechanism;
    }

    /** The mechanism behind the cache. */
    public SearchMechanism inner() {
        return inner;
    }

    public SearchStats stats() {
        return new SearchStats(mechanism, maximumSize, requests, hits, inner.embeddingStats());
    }
}
