package org.mercato.sim.market.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

/**
 * BM25 over each service's name, description and item names, with Apache Lucene and an in-memory
 * index built once when the mechanism is made. The query text is analyzed like the documents
 * ({@link SearchAnalyzer}) and becomes a disjunction of term queries, one per distinct known term and
 * field, so no user text can be a syntax error; a field's BM25 scores add up, with item names
 * weighing {@link #ITEMS_BOOST} times as much, so that a description full of a dish's words does not
 * outrank the business that sells the dish. Only services matching some term are returned, best
 * score first, equal scores by service id; a blank query (no term at all) returns every service with
 * equal scores, so by id. Structured filters are ignored (that is {@link FilteredSearch}).
 */
public final class LexicalSearch implements PureSearch {
    /** Distinct query terms used, at most: 3 fields each stays under Lucene's 1024 clause limit. */
    public static final int MAX_TERMS = 256;

    /** What a business sells weighs this much more than what its name and description say. */
    static final float ITEMS_BOOST = 2f;

    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String ITEMS = "items";
    private static final String ORDINAL = "ordinal";
    private static final String[] FIELDS = {NAME, DESCRIPTION, ITEMS};
    private static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::score)
            .reversed()
            .thenComparing(hit -> hit.service().id());

    private record Hit(Service service, float score) {}

    private final Analyzer analyzer = new SearchAnalyzer();
    private final Cache<String, QueryTerms> termsByQuery =
            Caffeine.newBuilder().maximumSize(4096).executor(Runnable::run).build();
    private final Service[] byDoc;
    private final IndexSearcher searcher;
    private final Set<String> vocabulary;
    private final Map<String, Set<String>> itemTerms;
    private final List<Service> everyServiceById;

    public LexicalSearch(List<Service> services) {
        List<Service> byId = new ArrayList<>(services);
        byId.sort(Comparator.comparing(Service::id));
        this.everyServiceById = List.copyOf(byId);
        this.vocabulary = new HashSet<>();
        this.itemTerms = new HashMap<>();
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < services.size(); i++) {
                    writer.addDocument(document(i, services.get(i)));
                }
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            this.byDoc = new Service[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
                for (int doc = ordinals.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ordinals.nextDoc()) {
                    byDoc[leaf.docBase + doc] = services.get((int) ordinals.longValue());
                }
            }
            for (String field : FIELDS) {
                Terms terms = MultiTerms.getTerms(reader, field);
                if (terms != null) {
                    TermsEnum each = terms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        vocabulary.add(term.utf8ToString());
                    }
                }
            }
            this.searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            searcher.setQueryCache(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index services for lexical search", e);
        }
        for (Service service : services) {
            for (String item : service.menu().keySet()) {
                itemTerms.computeIfAbsent(item, name -> Set.copyOf(analyze(name)));
            }
        }
    }

    /**
     * The same index over changed listings: the same ids in the same order with the same names,
     * descriptions and menus (BM25 sees only those), other fields such as ratings changed. Ranks
     * the new {@link Service} values without indexing again.
     */
    @Override
    public LexicalSearch relist(List<Service> services) {
        Map<String, Service> byIdNow = new HashMap<>(2 * services.size());
        for (Service service : services) {
            byIdNow.put(service.id(), service);
        }
        return new LexicalSearch(this, byIdNow);
    }

    private LexicalSearch(LexicalSearch from, Map<String, Service> byIdNow) {
        this.byDoc = new Service[from.byDoc.length];
        for (int doc = 0; doc < byDoc.length; doc++) {
            byDoc[doc] = current(from.byDoc[doc], byIdNow);
        }
        List<Service> everyNow = new ArrayList<>(from.everyServiceById.size());
        for (Service service : from.everyServiceById) {
            everyNow.add(current(service, byIdNow));
        }
        this.everyServiceById = List.copyOf(everyNow);
        this.searcher = from.searcher;
        this.vocabulary = from.vocabulary;
        this.itemTerms = from.itemTerms;
    }

    private static Service current(Service listed, Map<String, Service> byIdNow) {
        Service now = byIdNow.get(listed.id());
        if (now == null) {
            throw new IllegalArgumentException("re-listing lost service " + listed.id());
        }
        return now;
    }

    private static Document document(int ordinal, Service service) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        doc.add(new TextField(NAME, service.name(), Field.Store.NO));
        doc.add(new TextField(DESCRIPTION, service.description(), Field.Store.NO));
        for (String item : service.menu().keySet()) {
            doc.add(new TextField(ITEMS, item, Field.Store.NO));
        }
        return doc;
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        return rank(terms(search.query()));
    }

    /** The query's distinct terms that occur in the index (first {@link #MAX_TERMS}), sorted. */
    public QueryTerms terms(String query) {
        // the same queries come back again and again (each customer's, and the kernel's previews)
        return termsByQuery.get(query, this::analyzeTerms);
    }

    private QueryTerms analyzeTerms(String query) {
        List<String> analyzed = analyze(query);
        LinkedHashSet<String> known = new LinkedHashSet<>();
        for (String term : analyzed) {
            if (known.size() == MAX_TERMS) {
                break;
            }
            if (vocabulary.contains(term)) {
                known.add(term);
            }
        }
        return new QueryTerms(new ArrayList<>(new TreeSet<>(known)), analyzed.isEmpty());
    }

    /** Matching services, best BM25 score first, equal scores by id; every service for a blank query. */
    public List<Service> rank(QueryTerms query) {
        if (query.blank()) {
            return everyServiceById;
        }
        if (query.terms().isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder disjunction = new BooleanQuery.Builder();
        for (String term : query.terms()) {
            for (String field : FIELDS) {
                Query match = new TermQuery(new Term(field, term));
                if (field.equals(ITEMS)) {
                    match = new BoostQuery(match, ITEMS_BOOST);
                }
                disjunction.add(match, BooleanClause.Occur.SHOULD);
            }
        }
        ScoreDoc[] found;
        try {
            found = searcher.search(disjunction.build(), Math.max(1, byDoc.length)).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Hit> hits = new ArrayList<>(found.length);
        for (ScoreDoc doc : found) {
            hits.add(new Hit(byDoc[doc.doc], doc.score));
        }
        hits.sort(BEST_FIRST);
        List<Service> ranked = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            ranked.add(hit.service());
        }
        return ranked;
    }

    /** Whether the item's name shares a term with the query (the items a price cap looks at). */
    public boolean isAbout(String item, QueryTerms query) {
        Set<String> terms = itemTerms.get(item);
        if (terms == null) {
            return false;
        }
        for (String term : query.terms()) {
            if (terms.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(ITEMS, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
