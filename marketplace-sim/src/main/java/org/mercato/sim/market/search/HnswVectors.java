package org.mercato.sim.market.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Lucene's HNSW graph over the vectors ({@link KnnFloatVectorField}, dot product of unit vectors),
 * in memory. Built on one thread into a single segment with a serial merge scheduler, and Lucene's
 * graph builder draws from a fixed seed, so the same vectors give the same graph and the same
 * answers on every build. Approximate: a neighbour may be missed; searching for at least {@link
 * #MIN_BEAM} neighbours, of which the caller keeps the best, makes that rare. Admitted ordinals become a filter
 * on the search (Lucene falls back to an exact scan when the filter admits few).
 */
final class HnswVectors implements VectorIndex {
    private static final String VECTOR = "vector";
    private static final String ORDINAL = "ordinal";

    /** The graph is searched for at least this many neighbours (the caller keeps the best k). */
    static final int MIN_BEAM = 100;

    private final float[][] vectors;
    private final IndexSearcher searcher;
    private final int[] ordinalByDoc;

    HnswVectors(float[][] vectors) {
        this.vectors = vectors;
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig()
                    .setMergeScheduler(new SerialMergeScheduler())
                    .setRAMBufferSizeMB(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB * 64)
                    .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int ordinal = 0; ordinal < vectors.length; ordinal++) {
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField(VECTOR, vectors[ordinal], VectorSimilarityFunction.DOT_PRODUCT));
                    doc.add(new IntPoint(ORDINAL, ordinal));
                    doc.add(new NumericDocValuesField(ORDINAL, ordinal));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            this.ordinalByDoc = new int[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
                for (int doc = ordinals.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ordinals.nextDoc()) {
                    ordinalByDoc[leaf.docBase + doc] = (int) ordinals.longValue();
                }
            }
            this.searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index service vectors", e);
        }
    }

    @Override
    public float[][] vectors() {
        return vectors;
    }

    @Override
    public int[] nearest(float[] query, int k, BitSet admitted) {
        Query filter = admitted == null
                ? null
                : IntPoint.newSetQuery(ORDINAL, admitted.stream().toArray());
        if (admitted != null && admitted.isEmpty()) {
            return new int[0];
        }
        try {
            int beam = Math.max(k, MIN_BEAM);
            ScoreDoc[] found = searcher.search(new KnnFloatVectorQuery(VECTOR, query, beam, filter), beam).scoreDocs;
            int[] ordinals = new int[found.length];
            for (int i = 0; i < found.length; i++) {
                ordinals[i] = ordinalByDoc[found[i].doc];
            }
            return ordinals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
