package org.mercato.embeddings;

import org.mercato.sim.market.search.TextEmbedder;

/** all-MiniLM-L6-v2 (quantized), run in the JVM by ONNX Runtime through LangChain4j. */
public final class MiniLmEmbedder implements TextEmbedder {
    public static final String MODEL = "all-minilm-l6-v2-q";

    private MiniLmEmbedder() {}

    /** The process-wide instance, loaded on first call. */
    public static MiniLmEmbedder shared() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        throw new UnsupportedOperationException("not yet");
    }
}
