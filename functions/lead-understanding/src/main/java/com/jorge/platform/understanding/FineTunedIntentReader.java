package com.jorge.platform.understanding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fine-tuned intent reader (issue 13, sixteenth round): all-MiniLM-L6-v2 with low-rank adapters trained on every tuning
 * part to read a message's full intent set (evaluation/lead-understanding/finetune: {@code lora.py}, rank 32), and a
 * sigmoid head over its mean-pooled output. On hands it never saw it read intents several points better than the rules
 * and the stacked reader (finetune/README.md), so where it is the understander's reader it <em>decides</em> the intents;
 * the rules keep the conversation's moves on answers ({@link #decide}). Since the eighteenth round it also reads requests to
 * stop, as a second opinion beside the opt-out rules: it may add an opt-out they missed, never take one back
 * ({@link #stopping}).
 *
 * <p>The base is the int8 MiniLM the understander already ships (langchain4j's {@code all-minilm-l6-v2-q}, 23 MB); the
 * resource {@value #RESOURCE} holds only what training changed (about 2.7 MB of float16): the adapters of the 36 weight
 * matrices, merged at load into the base's int8 weights and re-quantised per column as the base file quantises them, the
 * biases and LayerNorms, and the head. It names the sha256 of the base file it was trained for and refuses another: the
 * weights' names are that export's.
 */
final class FineTunedIntentReader {

    static final String RESOURCE = "/understanding/intent-adapter.bin";
    static final String BASE_MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int VERSION = 2;
    /** The base file quantises each weight column symmetrically to [-64, 64] (7 bits: u8 x s8 products never saturate). */
    private static final int WEIGHT_RANGE = 64;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final List<Intent> intents;
    private final float[] headWeight;
    private final float[] headBias;
    private final Thresholds thresholds;
    /** ONNX Runtime runs on the added initializers' own memory: they live as long as the session. */
    @SuppressWarnings("unused")
    private final List<OnnxTensor> weights;

    private FineTunedIntentReader(OrtEnvironment environment, OrtSession session, List<OnnxTensor> weights, HuggingFaceTokenizer tokenizer,
                                  List<Intent> intents, float[] headWeight, float[] headBias, Thresholds thresholds) {
        this.environment = environment;
        this.weights = List.copyOf(weights);
        this.session = session;
        this.tokenizer = tokenizer;
        this.intents = intents;
        this.headWeight = headWeight;
        this.headBias = headBias;
        this.thresholds = thresholds;
    }

    /** The shipped reader, or empty where its resource is absent. Opens an ONNX session: call on a large stack. */
    static Optional<FineTunedIntentReader> loadDefault() {
        try (InputStream adapter = FineTunedIntentReader.class.getResourceAsStream(RESOURCE)) {
            if (adapter == null) return Optional.empty();
            return Optional.of(load(adapter.readAllBytes(), resource(BASE_MODEL), resource(TOKENIZER)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static FineTunedIntentReader load(byte[] adapterBytes, byte[] baseModel, byte[] tokenizerJson) {
        Adapter adapter = Adapter.read(adapterBytes);
        if (!Arrays.equals(sha256(baseModel), adapter.baseSha256())) {
            throw new IllegalStateException("the intent adapter was trained for another " + BASE_MODEL + " (sha256 differs)");
        }
        Set<String> wanted = new HashSet<>();
        for (String name : adapter.tensors().keySet()) {
            if (name.startsWith("lora/") && name.endsWith("/A")) {
                String matmul = name.substring(5, name.length() - 2);
                wanted.addAll(List.of(matmul + "_quantized", matmul + "_scale", matmul + "_zero_point"));
            } else if (!name.startsWith("lora/") && !name.startsWith("head/")) {
                wanted.add(name);
            }
        }
        Map<String, OnnxInitializers.Initializer> base = OnnxInitializers.read(baseModel, wanted);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = MiniLmEmbeddings.oneQuietThread()) {
            // the session does not copy an added initializer: the tensors stay open as long as the reader (closed here only on failure)
            List<OnnxTensor> added = new ArrayList<>();
            boolean opened = false;
            try {
                for (Map.Entry<String, Tensor> e : adapter.tensors().entrySet()) {
                    String name = e.getKey();
                    if (name.startsWith("lora/") && name.endsWith("/A")) {
                        String matmul = name.substring(5, name.length() - 2);
                        mergeAdapter(environment, options, added, base, matmul, adapter.tensor(name),
                                adapter.tensor("lora/" + matmul + "/B"), adapter.tensor("lora/" + matmul + "/scale").values()[0]);
                    } else if (!name.startsWith("lora/") && !name.startsWith("head/")) {
                        OnnxInitializers.Initializer original = base.get(name);
                        Tensor replacement = adapter.tensor(name);
                        if (original.dataType() != OnnxInitializers.FLOAT
                                || !Arrays.equals(original.shape(), Arrays.stream(replacement.shape()).asLongStream().toArray())) {
                            throw new IllegalStateException("the adapter's " + name + " does not fit the base model's");
                        }
                        add(environment, options, added, name, FloatBuffer.wrap(replacement.values()), original.shape(), OnnxJavaType.FLOAT);
                    }
                }
                OrtSession session = environment.createSession(baseModel, options);
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new java.io.ByteArrayInputStream(tokenizerJson), Map.of(
                        "truncation", "true", "maxLength", Integer.toString(adapter.maxTokens()), "padding", "false"));
                Tensor head = adapter.tensor("head/weight");
                if (head.shape()[0] != adapter.intents().size()) {
                    throw new IllegalStateException("the adapter's head has " + head.shape()[0] + " outputs for " + adapter.intents().size() + " intents");
                }
                FineTunedIntentReader reader = new FineTunedIntentReader(environment, session, added, tokenizer, adapter.intents(),
                        head.values(), adapter.tensor("head/bias").values(), adapter.thresholds());
                opened = true;
                return reader;
            } finally {
                if (!opened) added.forEach(OnnxTensor::close);
            }
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("cannot open the fine-tuned intent reader", e);
        }
    }

    /**
     * The base weight {@code W0} (int8 [in, out], one scale a column) plus {@code scale * (B A)^T}, re-quantised per column to
     * the base's range; the zero points stay 0.
     */
    private static void mergeAdapter(OrtEnvironment environment, OrtSession.SessionOptions options, List<OnnxTensor> added,
                                     Map<String, OnnxInitializers.Initializer> base, String matmul, Tensor a, Tensor b, float scale)
            throws OrtException {
        OnnxInitializers.Initializer quantised = base.get(matmul + "_quantized");
        float[] columnScale = base.get(matmul + "_scale").floats();
        for (byte zero : base.get(matmul + "_zero_point").bytes()) {
            if (zero != 0) throw new IllegalStateException(matmul + " is not quantised symmetrically");
        }
        byte[] w0 = quantised.bytes();
        int in = (int) quantised.shape()[0];
        int out = (int) quantised.shape()[1];
        int rank = a.shape()[0];
        if (a.shape()[1] != in || b.shape()[0] != out || b.shape()[1] != rank || columnScale.length != out) {
            throw new IllegalStateException("the adapter of " + matmul + " does not fit the base model's weight");
        }
        float[] av = a.values();
        float[] bv = b.values();
        float[] merged = new float[in * out]; // [out][in]: one output column's weights together
        for (int o = 0; o < out; o++) {
            int row = o * in;
            for (int j = 0; j < rank; j++) {
                float bj = scale * bv[o * rank + j];
                int aRow = j * in;
                for (int i = 0; i < in; i++) merged[row + i] += bj * av[aRow + i];
            }
            for (int i = 0; i < in; i++) merged[row + i] += w0[i * out + o] * columnScale[o];
        }
        byte[] requantised = new byte[in * out];
        float[] newScale = new float[out];
        for (int o = 0; o < out; o++) {
            float max = 0;
            for (int i = 0; i < in; i++) max = Math.max(max, Math.abs(merged[o * in + i]));
            newScale[o] = max == 0 ? 1f : max / WEIGHT_RANGE;
            for (int i = 0; i < in; i++) {
                int q = Math.round(merged[o * in + i] / newScale[o]);
                requantised[i * out + o] = (byte) Math.max(-WEIGHT_RANGE, Math.min(WEIGHT_RANGE, q));
            }
        }
        add(environment, options, added, matmul + "_quantized", ByteBuffer.wrap(requantised), quantised.shape(), OnnxJavaType.INT8);
        add(environment, options, added, matmul + "_scale", FloatBuffer.wrap(newScale), new long[] {out}, OnnxJavaType.FLOAT);
    }

    private static void add(OrtEnvironment environment, OrtSession.SessionOptions options, List<OnnxTensor> added, String name,
                            java.nio.Buffer values, long[] shape, OnnxJavaType type) throws OrtException {
        java.nio.Buffer direct = switch (type) {
            case FLOAT -> {
                FloatBuffer f = ByteBuffer.allocateDirect(values.remaining() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
                f.put((FloatBuffer) values).flip();
                yield f;
            }
            case INT8 -> {
                ByteBuffer b = ByteBuffer.allocateDirect(values.remaining()).order(ByteOrder.nativeOrder());
                b.put((ByteBuffer) values).flip();
                yield b;
            }
            default -> throw new IllegalArgumentException("no initializer of type " + type);
        };
        OnnxTensor tensor = type == OnnxJavaType.FLOAT ? OnnxTensor.createTensor(environment, (FloatBuffer) direct, shape)
                : OnnxTensor.createTensor(environment, (ByteBuffer) direct, shape, OnnxJavaType.INT8);
        added.add(tensor);
        options.addInitializer(name, tensor);
    }

    List<Intent> intents() {
        return intents;
    }

    Thresholds thresholds() {
        return thresholds;
    }

    /** Probability of each of {@link #intents()}, in that order, for a message of a lead on {@code side}. */
    double[] probabilities(String text, LeadSide side) {
        // the input format it was trained on: the side the conversation knew, a bar, the text as the lead wrote it
        Encoding encoding = tokenizer.encode(side.name().toLowerCase(Locale.ROOT) + " | " + text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, new long[][] {ids}));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, new long[][] {mask}));
            inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[][] {new long[ids.length]}));
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                int dim = hidden[0].length;
                double[] pooled = new double[dim];
                int tokens = 0;
                for (int t = 0; t < hidden.length; t++) {
                    if (mask[t] == 0) continue;
                    tokens++;
                    for (int j = 0; j < dim; j++) pooled[j] += hidden[t][j];
                }
                for (int j = 0; j < dim; j++) pooled[j] /= tokens;
                double[] p = new double[intents.size()];
                for (int c = 0; c < p.length; c++) {
                    double z = headBias[c];
                    for (int j = 0; j < dim; j++) z += headWeight[c * dim + j] * pooled[j];
                    p[c] = 1 / (1 + Math.exp(-z));
                }
                return p;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the fine-tuned intent reader failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The words that stop alone, in the spellings leads use: the opt-out rules' own ground. */
    static final Pattern STOP_WORD = Pattern.compile("\\b(s+t+[o0]+p+\\w*|stahp|quit|quits|quitting|cancel\\w*|end|unsub\\w*|opt\\w*|alto|basta"
            + "|paren|parale|parenle|detengan|stopp?ear\\w*)\\b");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    /**
     * A negation, at most two words, then a removal or a stop the rules have no word for ({@link #STOP_WORD} is theirs):
     * "never remove me", "please don't take me off", "no quiero que me quiten de la lista", "no me borren", "no dejen de
     * mandarme". Punctuation ends the reach ("not interested, remove me").
     */
    static final Pattern ASKS_TO_STAY = Pattern.compile("\\b(no|not|don'?t|do\\s+not|never|nunca)((\\s+[\\p{L}']+){0,2}?)\\s+"
            + "((me|us|nos)\\s+)?(remove|delete|drop|take\\s+(me|us)\\s+off"
            + "|quit(en|es|ar|e|ame)|borr(en|es|ar|e)|saqu(en|es|e)|sacar|elimin(en|es|ar|e)|den\\s+de\\s+baja|dar\\s+de\\s+baja"
            + "|dej(en|es|ar)\\s+de|par(es|ar)\\s+de)\\b");

    private static int words(String folded) {
        int n = 0;
        Matcher m = WORD.matcher(folded);
        while (m.find()) n++;
        return n;
    }

    /**
     * The decision's thresholds, chosen on the dev split (finetune/README.md): an intent the rules did not name is added from
     * {@code addClosing} where it closes or slows the conversation ({@link #CLOSING}: a wrong one loses a lead, so the reader
     * must be surest), {@code addForward} where it moves it on ({@link #FORWARD}), {@code addOther} where it shapes the
     * reply; one the rules named is dropped under {@code drop}. A request to stop the rules missed is an opt-out from
     * {@code optOut} and a possible one from {@code possibleOptOut} ({@link #stopping}).
     */
    record Thresholds(double addClosing, double addForward, double addOther, double drop, double optOut, double possibleOptOut) {

        double add(Intent intent) {
            return CLOSING.contains(intent) ? addClosing : FORWARD.contains(intent) ? addForward : addOther;
        }
    }

    /** The stage-moving intents that close a lead, nurture it or end the talk (jorge-bots {@code NextStepDecider}). */
    static final Set<Intent> CLOSING = EnumSet.of(Intent.NOT_INTERESTED, Intent.HAS_AGENT, Intent.WRONG_NUMBER, Intent.NOT_NOW,
            Intent.ANGRY, Intent.NEGATIVE);
    /** What takes a lead forward: a call, a showing, a yes, and a side (which routes the lead to the seller or the buyer bot). */
    static final Set<Intent> FORWARD = EnumSet.of(Intent.WANTS_CALL, Intent.WANTS_SHOWING, Intent.AFFIRMATIVE, Intent.SELLING,
            Intent.BUYING);

    /**
     * The rules' intent set edited by the probabilities ({@code p} in the order of {@link #intents()}) at the
     * {@link Thresholds}, never adding OTHER; where that leaves nothing, the rules' set as it was. Then the
     * conversation's guards, which the
     * reader cannot see: a reply that does not stand alone ({@link StackedIntentReader#guarded}'s test: under
     * {@link StackedIntentReader#STANDALONE_WORDS} words, or naming a time to meet) keeps exactly the rules' stage-moving
     * intents ({@link StackedIntentReader#STAGE_MOVING}), as the booking and the question it answers read it; NOT_NOW
     * against a timeline of at most {@link StackedIntentReader#SOON_MONTHS} months only where the rules read it; where the
     * rules read an off-limits question or browsing the side is theirs; no closing intent the rules did not read where the
     * lead states a MOTIVATION. OPT_OUT is the rules' alone, and with it no side and
     * no call; QUESTION only where no more specific question is named; AFFIRMATIVE and NEGATIVE not both (the more probable
     * stays); OTHER exactly when nothing else is.
     */
    Set<Intent> decide(double[] p, Set<Intent> rules, String folded, List<Slot> slots) {
        boolean optOut = rules.contains(Intent.OPT_OUT);
        Set<Intent> out = EnumSet.noneOf(Intent.class);
        for (int k = 0; k < intents.size(); k++) {
            Intent i = intents.get(k);
            // OTHER says only that nothing else is: the reader's OTHER never stands in for what the rules read
            if (rules.contains(i) ? p[k] >= thresholds.drop() : i != Intent.OTHER && p[k] >= thresholds.add(i)) out.add(i);
        }
        // the rules' reading stands where the reader rules it out and has nothing surer to put in its place
        if (out.isEmpty()) rules.stream().filter(i -> i != Intent.OPT_OUT).forEach(out::add);
        if (StackedIntentReader.answersTheConversation(folded, slots)) {
            out.removeAll(StackedIntentReader.STAGE_MOVING);
            rules.stream().filter(StackedIntentReader.STAGE_MOVING::contains).forEach(out::add);
        }
        if (StackedIntentReader.soonTimeline(slots) && !rules.contains(Intent.NOT_NOW)) {
            out.remove(Intent.NOT_NOW);
        }
        // a lead who says why they move is talking, not leaving: "We're upgrading, baby on the way!" (read NOT_INTERESTED at 0.96)
        if (slots.stream().anyMatch(s -> s.name() == SlotName.MOTIVATION)) {
            CLOSING.stream().filter(i -> !rules.contains(i)).forEach(out::remove);
        }
        if (rules.stream().anyMatch(StackedIntentReader.SIDELESS::contains)) {
            out.removeAll(StackedIntentReader.SIDES);
            rules.stream().filter(StackedIntentReader.SIDES::contains).forEach(out::add);
        }
        out.remove(Intent.OPT_OUT);
        if (optOut) {
            out.add(Intent.OPT_OUT);
            out.removeAll(EnumSet.of(Intent.SELLING, Intent.BUYING, Intent.WANTS_CALL));
        }
        if (out.stream().anyMatch(StackedIntentReader.SPECIFIC_QUESTIONS::contains)) out.remove(Intent.QUESTION);
        if (out.contains(Intent.AFFIRMATIVE) && out.contains(Intent.NEGATIVE)) {
            out.remove(p[intents.indexOf(Intent.AFFIRMATIVE)] >= p[intents.indexOf(Intent.NEGATIVE)] ? Intent.NEGATIVE : Intent.AFFIRMATIVE);
        }
        if (out.size() > 1) out.remove(Intent.OTHER);
        if (out.isEmpty()) out.add(Intent.OTHER);
        return out;
    }

    /** The understanding with the requests to stop and the intents this reader decides; its slots and language unchanged. */
    MessageUnderstanding apply(MessageUnderstanding rules, String text, LeadSide side, String folded) {
        // nothing written: nothing for the reader to read ("   ", a tab), and it would name something anyway
        if (folded.isBlank()) return rules;
        double[] p = probabilities(text, side);
        MessageUnderstanding read = stopping(rules, p, folded);
        Set<Intent> decided = decide(p, read.intents(), folded, read.slots());
        return decided.equals(read.intents()) ? read : read.withIntents(decided);
    }

    /**
     * The reader's second opinion on a request to stop ({@code p} in the order of {@link #intents()}): where the rules read
     * none, an OPT_OUT from {@link Thresholds#optOut()} is an opt-out (texting someone who asked to stop is the costly error,
     * TCPA), and one from {@link Thresholds#possibleOptOut()} a possible one, on which the bots pause for a person and send
     * nothing. It never takes back an opt-out the rules read. An adapter without OPT_OUT gives no opinion, and neither does
     * the reader where the message has a word that stops ({@link #STOP_WORD}): the rules read those words and their
     * near-misses ("Stop by anytime", "stop hitting snooze lol", "no paren de mandarme casas"), which the reader took for
     * requests to stop; it speaks for the wordings the rules have no word for ("kindly cease all further correspondence").
     *
     * <p>The reader does not read a negation well: trained, it still read "no quiero que me quiten de la lista" as a request
     * to stop at 0.94 (finetune/README.md). A removal or a stop asked <em>not</em> to happen ({@link #ASKS_TO_STAY}) is at
     * most a possible opt-out, which a person reads; so is a message of one or two words ("f off"): the rules know the
     * keywords that stop alone, and two words are too few for the reader to be sure (heldout-2's hand labels "f off" angry,
     * tuning-families-8's "f off with these texts" a request to stop); and so is a question ("if you didn't text me the
     * address, can you send it again?"): the rules read the questions that ask us to stop.
     */
    MessageUnderstanding stopping(MessageUnderstanding rules, double[] p, String folded) {
        int k = intents.indexOf(Intent.OPT_OUT);
        if (k < 0 || rules.optOut() || STOP_WORD.matcher(folded).find()) return rules;
        if (p[k] >= thresholds.optOut() && !ASKS_TO_STAY.matcher(folded).find() && words(folded) >= 3 && folded.indexOf('?') < 0) {
            return rules.asOptOut();
        }
        if (p[k] >= thresholds.possibleOptOut()) return rules.withPossibleOptOut(true);
        return rules;
    }

    private static byte[] resource(String name) {
        try (InputStream in = FineTunedIntentReader.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("model resource missing: " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tensor of the adapter file: its shape and its values (stored as float16). */
    record Tensor(int[] shape, float[] values) {
    }

    /** The adapter file ({@code delta.py ship}, version 2: six thresholds): little-endian, float16 tensors. */
    record Adapter(byte[] baseSha256, Thresholds thresholds, int maxTokens, List<Intent> intents, Map<String, Tensor> tensors) {

        private static final int MAGIC = 0x41494f4a; // "JOIA" read little-endian

        Tensor tensor(String name) {
            Tensor t = tensors.get(name);
            if (t == null) throw new IllegalStateException("the intent adapter has no tensor " + name);
            return t;
        }

        static Adapter read(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            try {
                if (in.getInt() != MAGIC || in.getInt() != VERSION) {
                    throw new IllegalStateException("not an intent adapter of version " + VERSION);
                }
                byte[] sha = new byte[32];
                in.get(sha);
                Thresholds thresholds = new Thresholds(in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat(), in.getFloat(),
                        in.getFloat());
                int maxTokens = in.getInt();
                int labels = in.getInt();
                List<Intent> intents = new ArrayList<>(labels);
                for (int k = 0; k < labels; k++) {
                    intents.add(Intent.valueOf(string(in)));
                }
                Map<String, Tensor> tensors = new LinkedHashMap<>();
                for (int n = in.getInt(); n > 0; n--) {
                    String name = string(in);
                    int[] shape = new int[in.getInt()];
                    int size = 1;
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = in.getInt();
                        size = Math.multiplyExact(size, shape[d]);
                    }
                    float[] values = new float[size];
                    for (int v = 0; v < size; v++) values[v] = Float.float16ToFloat(in.getShort());
                    tensors.put(name, new Tensor(shape, values));
                }
                if (in.hasRemaining()) throw new IllegalStateException("the intent adapter has " + in.remaining() + " bytes past its end");
                return new Adapter(sha, thresholds, maxTokens, List.copyOf(intents), tensors);
            } catch (java.nio.BufferUnderflowException e) {
                throw new IllegalStateException("the intent adapter is cut short", e);
            }
        }

        private static String string(ByteBuffer in) {
            byte[] b = new byte[in.getInt()];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
