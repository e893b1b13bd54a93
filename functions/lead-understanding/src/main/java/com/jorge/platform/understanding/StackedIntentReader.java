package com.jorge.platform.understanding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A learned reader of the full intent set (issue 13, ninth round), stacked on the rules: one-vs-rest logistic regression
 * over the message's hashed word and character n-grams ({@link IntentFeatures}, folded into a few thousand buckets), the
 * rules' own intents, the slot names read, the language and, where the model was trained with it, the unit-length MiniLM
 * embedding. Trained on every tuning part by evaluation/lead-understanding ({@code evaluate.sh --train-intent-reader}), with
 * the rules' intents as they were <em>before</em> each part was written where git history has them, so that it learns how
 * far to trust rules on a hand they were not written from.
 *
 * <p>It edits the rules' set: an intent the rules did not name is added where its probability reaches {@link #add()}, one
 * they named is removed where it falls under {@link #drop()} (the shipped model only adds: its drop is below 0). It never
 * names OPT_OUT or OTHER (refused at load): an opt-out stays exactly the rules' verdict, and to an opt-out it may add only
 * what is not a side or a call (the rules' own consistency); OTHER is what is left when nothing else is. It adds an intent the
 * bots move the conversation on ({@link #STAGE_MOVING}) only to a message that stands alone ({@link #guarded}). Weights in
 * float16. The understander's default since the tenth round (README).
 */
final class StackedIntentReader {

    static final String RESOURCE = "/understanding/intent-reader.bin";
    private static final int MAGIC = 0x4a4f4952; // "JOIR"
    private static final int VERSION = 1;
    private static final Set<Intent> NEVER = EnumSet.of(Intent.OPT_OUT, Intent.OTHER);
    /** The intents the rules' set is read from as features, in this order. */
    static final List<Intent> RULE_FEATURES = List.of(Intent.values());
    static final List<SlotName> SLOT_FEATURES = List.of(SlotName.values());
    static final List<String> LANGUAGES = List.of("en", "es", "mixed");
    /** Questions more specific than QUESTION, which then goes (the corpus's labelling). */
    static final Set<Intent> SPECIFIC_QUESTIONS = EnumSet.of(
            Intent.WANTS_CALL, Intent.WANTS_SHOWING, Intent.ASKS_HOME_VALUE, Intent.OFF_LIMITS_QUESTION);

    private final List<Intent> intents;
    private final int embeddingDim;
    private final double add;
    private final double drop;
    private final OneVsRestWeights model;

    private StackedIntentReader(List<Intent> intents, int buckets, int embeddingDim, double add, double drop, OneVsRestWeights model) {
        for (Intent i : intents) {
            if (NEVER.contains(i)) {
                throw new IllegalArgumentException("a learned intent reader may not name " + i);
            }
        }
        if (buckets <= 0 || buckets > IntentFeatures.BUCKETS || Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two up to " + IntentFeatures.BUCKETS + ": " + buckets);
        }
        this.intents = List.copyOf(intents);
        this.embeddingDim = embeddingDim;
        this.add = add;
        this.drop = drop;
        this.model = model;
    }

    /** Values of the dense part: the embedding (if any), the rules' intents, the slot names, the language. */
    static int denseDim(int embeddingDim) {
        return embeddingDim + RULE_FEATURES.size() + SLOT_FEATURES.size() + LANGUAGES.size();
    }

    /** The dense part of a message's features ({@code embedding} empty where the model reads none). */
    static float[] denseFeatures(float[] embedding, Set<Intent> rules, List<Slot> slots, String language) {
        float[] out = new float[denseDim(embedding.length)];
        System.arraycopy(embedding, 0, out, 0, embedding.length);
        int o = embedding.length;
        for (Intent i : rules) {
            out[o + RULE_FEATURES.indexOf(i)] = 1f;
        }
        o += RULE_FEATURES.size();
        for (Slot s : slots) {
            out[o + s.name().ordinal()] = 1f;
        }
        o += SLOT_FEATURES.size();
        int lang = LANGUAGES.indexOf(language);
        if (lang >= 0) {
            out[o + lang] = 1f;
        }
        return out;
    }

    /** The shipped model, or empty where the resource is absent. */
    static Optional<StackedIntentReader> loadDefault() {
        try (InputStream in = StackedIntentReader.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static StackedIntentReader fromBytes(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StackedIntentReader read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an intent-reader model of version " + VERSION);
        }
        int buckets = in.readInt();
        int embeddingDim = in.readInt();
        double add = in.readFloat();
        double drop = in.readFloat();
        // the feature layout it was trained with must be this code's
        if (in.readInt() != RULE_FEATURES.size() || in.readInt() != SLOT_FEATURES.size() || in.readInt() != LANGUAGES.size()) {
            throw new IOException("the intent reader was trained on another feature layout");
        }
        int n = in.readInt();
        List<Intent> intents = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            intents.add(Intent.valueOf(in.readUTF()));
        }
        return new StackedIntentReader(intents, buckets, embeddingDim, add, drop,
                OneVsRestWeights.read(in, n, buckets, denseDim(embeddingDim)));
    }

    /** The bytes of a model, weights rounded to float16 ({@link #read} gives back the model that is scored). */
    static byte[] write(List<Intent> intents, int buckets, int embeddingDim, double add, double drop, float[] bias, float[] weights,
                        float[] dense) {
        OneVsRestWeights model = new OneVsRestWeights(intents.size(), buckets, denseDim(embeddingDim), bias, weights, dense);
        new StackedIntentReader(intents, buckets, embeddingDim, add, drop, model); // validates
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(buckets);
            out.writeInt(embeddingDim);
            out.writeFloat((float) add);
            out.writeFloat((float) drop);
            out.writeInt(RULE_FEATURES.size());
            out.writeInt(SLOT_FEATURES.size());
            out.writeInt(LANGUAGES.size());
            out.writeInt(intents.size());
            for (Intent i : intents) {
                out.writeUTF(i.name());
            }
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    List<Intent> intents() {
        return intents;
    }

    /** Whether the model reads the MiniLM embedding (then {@link #probabilities} needs it for every message). */
    boolean readsEmbedding() {
        return embeddingDim > 0;
    }

    int embeddingDim() {
        return embeddingDim;
    }

    /** The hashed n-gram buckets the model was trained with (written in its file, checked at load). */
    int buckets() {
        return model.buckets();
    }

    double add() {
        return add;
    }

    double drop() {
        return drop;
    }

    /** Probability of each of {@link #intents()}, in that order. */
    double[] probabilities(String folded, float[] embedding, Set<Intent> rules, List<Slot> slots, String language) {
        if (embedding.length != embeddingDim) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " values; the model reads " + embeddingDim);
        }
        return model.probabilities(IntentFeatures.of(folded, model.buckets()), denseFeatures(embedding, rules, slots, language));
    }

    /**
     * The rules' set edited by the model's probabilities ({@code p} in the order of {@link #intents()}): added from
     * {@code add}, removed under {@code drop}. OPT_OUT is the rules' alone; with it, no side and no call (the rules' own
     * consistency); QUESTION only where no more specific question is named; AFFIRMATIVE and NEGATIVE not both (the more
     * probable stays); OTHER exactly when nothing else is.
     */
    Set<Intent> edit(Set<Intent> rules, double[] p, double add, double drop) {
        Set<Intent> out = EnumSet.noneOf(Intent.class);
        out.addAll(rules);
        out.remove(Intent.OTHER);
        double[] byIntent = new double[Intent.values().length];
        java.util.Arrays.fill(byIntent, -1);
        for (int k = 0; k < intents.size(); k++) {
            Intent i = intents.get(k);
            byIntent[i.ordinal()] = p[k];
            if (out.contains(i) && p[k] < drop) {
                out.remove(i);
            } else if (!out.contains(i) && p[k] >= add) {
                out.add(i);
            }
        }
        boolean optOut = rules.contains(Intent.OPT_OUT);
        if (optOut) {
            out.add(Intent.OPT_OUT);
            out.remove(Intent.SELLING);
            out.remove(Intent.BUYING);
            out.remove(Intent.WANTS_CALL);
        } else {
            out.remove(Intent.OPT_OUT);
        }
        if (out.stream().anyMatch(SPECIFIC_QUESTIONS::contains)) {
            out.remove(Intent.QUESTION);
        }
        if (out.contains(Intent.AFFIRMATIVE) && out.contains(Intent.NEGATIVE)) {
            out.remove(byIntent[Intent.AFFIRMATIVE.ordinal()] >= byIntent[Intent.NEGATIVE.ordinal()] ? Intent.NEGATIVE : Intent.AFFIRMATIVE);
        }
        if (out.isEmpty()) {
            out.add(Intent.OTHER);
        }
        return out;
    }

    /**
     * Intents the bots act on by moving the conversation (jorge-bots {@code NextStepDecider}, {@code JorgeConversationPolicy}):
     * forward to a person (WANTS_CALL, WANTS_SHOWING: a hand-off, an offer of slots; a showing asked for while call slots
     * are held routes the turn past the booking's own reading of the text; AFFIRMATIVE at the booking question is a yes),
     * or out of qualification (HAS_AGENT and NOT_INTERESTED close, ANGRY and NOT_NOW nurture, NEGATIVE at the booking
     * question nurtures, WRONG_NUMBER ends). What else the reader may add shapes the reply inside the stage.
     */
    static final Set<Intent> STAGE_MOVING = EnumSet.of(Intent.WANTS_CALL, Intent.WANTS_SHOWING, Intent.AFFIRMATIVE, Intent.NEGATIVE,
            Intent.HAS_AGENT, Intent.NOT_INTERESTED, Intent.NOT_NOW, Intent.ANGRY, Intent.WRONG_NUMBER);

    /**
     * A reply of fewer words than this is read by its conversation (the question it answers, the slots on offer, the
     * appointment held), which the reader does not see: "can we move it?", "maybe", "el sábado a las 10".
     */
    static final int STANDALONE_WORDS = 6;

    /** Within this many months a stated timeline is a lead who is not deferring ("we need to be out in 2 months"). */
    static final int SOON_MONTHS = 3;

    /**
     * {@code p} (in the order of {@link #intents()}) with the stage-moving intents the reader may not add at 0, so that
     * {@link #edit} cannot add them; what the rules named is left as it is. The reader adds a {@link #STAGE_MOVING} intent
     * only to a message that stands alone: of at least {@link #STANDALONE_WORDS} words and naming no time to meet (a
     * CONTACT_TIME: an answer to a scheduling question, which the booking reads itself). Never NOT_NOW against a TIMELINE
     * of at most {@link #SOON_MONTHS} months: a lead who must be out in two months is not deferring. No side (SELLING,
     * BUYING) where the rules read an off-limits question or browsing ({@link #SIDELESS}).
     */
    double[] guarded(double[] p, Set<Intent> rules, String folded, List<Slot> slots) {
        boolean answer = answersTheConversation(folded, slots);
        boolean soon = soonTimeline(slots);
        boolean sideless = rules.stream().anyMatch(SIDELESS::contains);
        double[] out = p.clone();
        for (int k = 0; k < intents.size(); k++) {
            Intent i = intents.get(k);
            if (rules.contains(i)) {
                continue;
            }
            if (STAGE_MOVING.contains(i) && (answer || (i == Intent.NOT_NOW && soon))) {
                out[k] = 0;
            }
            if (SIDES.contains(i) && sideless) {
                out[k] = 0;
            }
        }
        return out;
    }

    /** {@link #guarded} without its side rule (for the evaluation's comparison). */
    double[] guardedStagesOnly(double[] p, Set<Intent> rules, String folded, List<Slot> slots) {
        double[] out = guarded(p, rules, folded, slots);
        if (rules.stream().anyMatch(SIDELESS::contains)) {
            for (int k = 0; k < intents.size(); k++) {
                if (SIDES.contains(intents.get(k)) && !rules.contains(intents.get(k))) {
                    out[k] = p[k];
                }
            }
        }
        return out;
    }

    static final Set<Intent> SIDES = EnumSet.of(Intent.SELLING, Intent.BUYING);
    /**
     * Where the rules read an off-limits question or browsing, the side is theirs: they name one there only with a fact of
     * one ("would I owe taxes if we sell the rental?" asks how a sale would work; "solo curioseando" is no buyer), and a
     * side is what routes a lead to the seller or the buyer bot.
     */
    static final Set<Intent> SIDELESS = EnumSet.of(Intent.OFF_LIMITS_QUESTION, Intent.JUST_LOOKING);

    /** Every stage-moving intent the rules did not name at 0: the reader adds none (for the evaluation's comparison). */
    double[] withoutStageMoves(double[] p, Set<Intent> rules) {
        double[] out = p.clone();
        for (int k = 0; k < intents.size(); k++) {
            if (STAGE_MOVING.contains(intents.get(k)) && !rules.contains(intents.get(k))) {
                out[k] = 0;
            }
        }
        return out;
    }

    static int words(String folded) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < folded.length(); i++) {
            boolean letter = Character.isLetterOrDigit(folded.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }

    /**
     * Whether a message is read by its conversation rather than alone: under {@link #STANDALONE_WORDS} words, or naming a
     * time to meet (a CONTACT_TIME: an answer to a scheduling question, which the booking reads itself).
     */
    static boolean answersTheConversation(String folded, List<Slot> slots) {
        return words(folded) < STANDALONE_WORDS || slots.stream().anyMatch(s -> s.name() == SlotName.CONTACT_TIME);
    }

    /** Whether a TIMELINE of at most {@link #SOON_MONTHS} months is read. */
    static boolean soonTimeline(List<Slot> slots) {
        for (Slot s : slots) {
            if (s.name() == SlotName.TIMELINE) {
                try {
                    if (Integer.parseInt(s.value().strip()) <= SOON_MONTHS) return true;
                } catch (NumberFormatException e) {
                    // a timeline that is not a month count says nothing here
                }
            }
        }
        return false;
    }

    /** The understanding with its intents edited at the model's own thresholds; its opt-out, slots and language unchanged. */
    MessageUnderstanding apply(MessageUnderstanding rules, String folded, float[] embedding) {
        double[] p = guarded(probabilities(folded, embedding, rules.intents(), rules.slots(), rules.language()), rules.intents(), folded,
                rules.slots());
        Set<Intent> edited = edit(rules.intents(), p, add, drop);
        return edited.equals(rules.intents()) ? rules : rules.withIntents(edited);
    }
}
