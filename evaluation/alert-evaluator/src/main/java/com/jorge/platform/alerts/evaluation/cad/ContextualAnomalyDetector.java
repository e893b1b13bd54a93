package com.jorge.platform.alerts.evaluation.cad;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Contextual Anomaly Detector, open-source edition (CAD OSE; algorithm and settings by Mikhail Smirnov, 2016,
 * https://github.com/smirmik/CAD), for one series, one point at a time. Written from our own description of the
 * algorithm (functions/alert-evaluator/README.md, "A published detector we did not tune"), not from its AGPL code.
 * Its settings are the author's, as NAB runs it: {@link #VALUE_BITS}, {@link #MAX_NEURONS}, {@link #MAX_LEFT_FACTS},
 * {@link #BASE_THRESHOLD}; the range and the rest period are given (NAB: the whole file's min/max and a fifth of its
 * probationary length).
 *
 * <p>Its memory of contexts only grows (nothing is ever forgotten); {@link #stateBytes()} says how large it is.
 * Not thread-safe: one instance per series.
 */
public final class ContextualAnomalyDetector {

    /** Bits a value is encoded with: 8 levels over the range. */
    public static final int VALUE_BITS = 3;
    /** Active contexts that become the next step's neuron facts, at most. */
    public static final int MAX_NEURONS = 15;
    /** A proposed context's left half has at most this many facts. */
    public static final int MAX_LEFT_FACTS = 7;
    /** A raw anomaly at or above this silences the reports for the next rest period. */
    public static final double BASE_THRESHOLD = 0.75;

    private static final long SENSOR_BASE = 65_536L;
    private static final long NEURON_BASE = 1L << 31;
    private static final double MAX_LEVEL = (1 << VALUE_BITS) - 1.0;

    private final double min;
    private final double step;
    private final int restPeriod;

    /** Halves of contexts by their hash, and in creation order. */
    private final Map<Long, Integer> leftIds = new HashMap<>();
    private final Map<Long, Integer> rightIds = new HashMap<>();
    private final List<LeftHalf> lefts = new ArrayList<>();
    private final List<RightHalf> rights = new ArrayList<>();
    /** Fact to the halves that hold it. */
    private final Map<Long, List<LeftHalf>> leftIndex = new HashMap<>();
    private final Map<Long, List<RightHalf>> rightIndex = new HashMap<>();
    private final List<Context> contexts = new ArrayList<>();

    private List<LeftHalf> crossedLefts = new ArrayList<>();
    private List<RightHalf> crossedRights = new ArrayList<>();
    private long[] leftGroup = new long[0];
    private Set<Long> predicted = Set.of();
    /** The context the update must leave alone: the zero-level context made this step, else context 0 (see README). */
    private int untouched = 0;
    private final ArrayDeque<Double> recentRaw = new ArrayDeque<>();

    private static final class LeftHalf {
        final int id;
        final long[] facts;
        final CPython2IntTable contexts;
        final List<Long> matched = new ArrayList<>();

        LeftHalf(int id, long[] facts) {
            this(id, facts, new CPython2IntTable());
        }

        LeftHalf(int id, long[] facts, CPython2IntTable contexts) {
            this.id = id;
            this.facts = facts;
            this.contexts = contexts;
        }
    }

    private static final class RightHalf {
        final int id;
        final long[] facts;
        final List<Long> matched = new ArrayList<>();

        RightHalf(int id, long[] facts) {
            this.id = id;
            this.facts = facts;
        }
    }

    private static final class Context {
        long selection;
        long success;
        long activations;
        boolean zeroLevel;
        final long[] right;
        final long leftHash;
        final long rightHash;

        Context(long[] right, boolean zeroLevel, long leftHash, long rightHash) {
            this.right = right;
            this.zeroLevel = zeroLevel;
            this.leftHash = leftHash;
            this.rightHash = rightHash;
        }
    }

    private record Proposal(long[] left, long[] right) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Proposal p && Arrays.equals(left, p.left) && Arrays.equals(right, p.right);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(left) + Arrays.hashCode(right);
        }
    }

    /**
     * @param min        the bottom of the value range (NAB: the file's minimum)
     * @param max        the top of the value range (NAB: the file's maximum); equal to min: a step of 1
     * @param restPeriod points after a raw anomaly of {@link #BASE_THRESHOLD} or more whose scores are reported as 0
     *                   (NAB: its probationary length / 5, truncated)
     */
    public ContextualAnomalyDetector(double min, double max, int restPeriod) {
        this(min, check(min, max, restPeriod), restPeriod, true);
        recentRaw.add(1.0);
    }

    private static double check(double min, double max, int restPeriod) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("range must be finite with min <= max, got " + min + ".." + max);
        }
        if (restPeriod < 1) throw new IllegalArgumentException("restPeriod must be at least 1 point, got " + restPeriod);
        double range = max - min;
        if (range == 0.0) range = MAX_LEVEL;
        return range / MAX_LEVEL;
    }

    private ContextualAnomalyDetector(double min, double step, int restPeriod, boolean checked) {
        this.min = min;
        this.step = step;
        this.restPeriod = restPeriod;
    }

    private static final int FORMAT = 1;

    /**
     * The whole state as one string (deflated, Base64), e.g. a Redis value: {@link #decode} gives a detector that
     * scores every later point exactly as this one would.
     */
    public String encode() {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            try (var out = new java.io.DataOutputStream(new java.util.zip.DeflaterOutputStream(bytes))) {
                out.writeInt(FORMAT);
                out.writeDouble(min);
                out.writeDouble(step);
                out.writeInt(restPeriod);
                out.writeInt(untouched);
                out.writeInt(recentRaw.size());
                for (double r : recentRaw) out.writeDouble(r);
                writeFacts(out, leftGroup);
                writeFacts(out, predicted.stream().mapToLong(Long::longValue).sorted().toArray());
                out.writeInt(lefts.size());
                for (LeftHalf l : lefts) {
                    writeFacts(out, l.facts);
                    l.contexts.write(out);
                    writeFacts(out, toArray(l.matched));
                }
                out.writeInt(rights.size());
                for (RightHalf r : rights) {
                    writeFacts(out, r.facts);
                    writeFacts(out, toArray(r.matched));
                }
                out.writeInt(contexts.size());
                for (Context c : contexts) {
                    out.writeLong(c.selection);
                    out.writeLong(c.success);
                    out.writeLong(c.activations);
                    out.writeBoolean(c.zeroLevel);
                    out.writeLong(c.leftHash);
                    out.writeLong(c.rightHash);
                }
            }
            return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A detector from {@link #encode}'s string; refuses one it cannot read. */
    public static ContextualAnomalyDetector decode(String encoded) {
        try (var in = new java.io.DataInputStream(new java.util.zip.InflaterInputStream(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(encoded))))) {
            if (in.readInt() != FORMAT) throw new IllegalArgumentException("not a CAD state of format " + FORMAT);
            double min = in.readDouble(), step = in.readDouble();
            int rest = in.readInt();
            if (!Double.isFinite(min) || !(step > 0) || rest < 1) throw new IllegalArgumentException("bad CAD state header");
            ContextualAnomalyDetector d = new ContextualAnomalyDetector(min, step, rest, true);
            d.untouched = in.readInt();
            int raws = in.readInt();
            for (int i = 0; i < raws; i++) d.recentRaw.add(in.readDouble());
            d.leftGroup = readFacts(in);
            Set<Long> predicted = new HashSet<>();
            for (long f : readFacts(in)) predicted.add(f);
            d.predicted = predicted;
            int nLefts = in.readInt();
            for (int i = 0; i < nLefts; i++) {
                LeftHalf l = new LeftHalf(i, readFacts(in), CPython2IntTable.read(in));
                for (long f : readFacts(in)) l.matched.add(f);
                d.lefts.add(l);
                d.leftIds.put(PythonTupleHash.of(l.facts), i);
                for (long f : l.facts) d.leftIndex.computeIfAbsent(f, k -> new ArrayList<>()).add(l);
            }
            int nRights = in.readInt();
            for (int i = 0; i < nRights; i++) {
                RightHalf r = new RightHalf(i, readFacts(in));
                for (long f : readFacts(in)) r.matched.add(f);
                d.rights.add(r);
                d.rightIds.put(PythonTupleHash.of(r.facts), i);
                for (long f : r.facts) d.rightIndex.computeIfAbsent(f, k -> new ArrayList<>()).add(r);
            }
            int nContexts = in.readInt();
            for (int i = 0; i < nContexts; i++) {
                long selection = in.readLong(), success = in.readLong(), activations = in.readLong();
                boolean zero = in.readBoolean();
                long leftHash = in.readLong(), rightHash = in.readLong();
                Integer right = d.rightIds.get(rightHash);
                if (right == null) throw new IllegalArgumentException("CAD state: a context without its right half");
                Context c = new Context(d.rights.get(right).facts, zero, leftHash, rightHash);
                c.selection = selection;
                c.success = success;
                c.activations = activations;
                d.contexts.add(c);
            }
            d.crossedLefts = touched(d.lefts);
            d.crossedRights = touched(d.rights);
            return d;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("CAD state cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeFacts(java.io.DataOutputStream out, long[] facts) throws java.io.IOException {
        out.writeInt(facts.length);
        for (long f : facts) out.writeLong(f);
    }

    private static long[] readFacts(java.io.DataInputStream in) throws java.io.IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) throw new java.io.IOException("bad fact count " + n);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = in.readLong();
        return out;
    }

    /**
     * The anomaly score of the next point, in [0, 1]; 0 while resting after an anomaly. A value outside the range is
     * put on the nearest level; a value that is not finite is not learnt from and scores 0.
     */
    public double score(double value) {
        if (!Double.isFinite(value)) return 0.0;
        int level = (int) ((value - min) / step);
        level = Math.max(0, Math.min((int) MAX_LEVEL, level));
        long[] input = new long[VALUE_BITS];
        double unexpected = 0;
        for (int bit = 0; bit < VALUE_BITS; bit++) {
            input[bit] = SENSOR_BASE + 2L * bit + ((level >> bit) & 1);
            if (!predicted.contains(input[bit])) unexpected += 1 << bit;
        }
        double predictionError = unexpected / MAX_LEVEL;
        double[] shares = step(input);
        double raw = predictionError > 0 ? (1.0 - shares[0] + shares[1]) / 2.0 : 0.0;
        double recentMax = recentRaw.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double reported = recentMax < BASE_THRESHOLD ? raw : 0.0;
        recentRaw.addLast(raw);
        while (recentRaw.size() > restPeriod) recentRaw.removeFirst();
        return reported;
    }

    /** One step of the context memory on sorted input facts: {share of selected contexts active, share of proposals new}. */
    private double[] step(long[] input) {
        Set<Proposal> unique = new HashSet<>();
        boolean newZeroLevel = false;
        if (leftGroup.length > 0 && input.length > 0) {
            Proposal zero = new Proposal(leftGroup, input);
            unique.add(zero);
            newZeroLevel = store(List.of(zero), true) > 0;
        }
        cross(rightIndex, crossedRights, input, false);
        crossedRights = touched(rights);

        // the previous step's fully matched left halves: count, learn, activate, propose
        List<Context> active = new ArrayList<>();
        List<Integer> activeIds = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        int[] selected = {0};
        final boolean flag = newZeroLevel;
        for (LeftHalf left : crossedLefts) {
            left.contexts.forEach((rightId, contextId) -> {
                if (contextId == untouched) return;
                Context c = contexts.get(contextId);
                RightHalf right = rights.get(rightId);
                int rightMatched = right.matched.size();
                int leftMatched = left.matched.size();
                if (leftMatched == left.facts.length) {
                    selected[0]++;
                    c.selection += right.facts.length;
                    if (rightMatched > 0) {
                        c.success += rightMatched;
                        if (rightMatched == right.facts.length) {
                            c.activations++;
                            active.add(c);
                            activeIds.add(contextId);
                        } else if (c.zeroLevel && flag && leftMatched <= MAX_LEFT_FACTS) {
                            proposals.add(new Proposal(toArray(left.matched), toArray(right.matched)));
                        }
                    }
                } else if (c.zeroLevel && flag && rightMatched > 0 && leftMatched <= MAX_LEFT_FACTS) {
                    proposals.add(new Proposal(toArray(left.matched), toArray(right.matched)));
                }
            });
        }
        untouched = 0;
        unique.addAll(proposals);
        double activeShare = selected[0] > 0 ? active.size() / (double) selected[0] : 0.0;

        // the most often activated contexts become neuron facts (ties: by their halves' hashes)
        Integer[] order = new Integer[active.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            Context x = active.get(a), y = active.get(b);
            int cmp = Long.compare(x.activations, y.activations);
            if (cmp != 0) return cmp;
            cmp = Long.compare(x.leftHash, y.leftHash);
            return cmp != 0 ? cmp : Long.compare(x.rightHash, y.rightHash);
        });
        long[] group = Arrays.copyOf(input, input.length + Math.min(MAX_NEURONS, order.length));
        int n = input.length;
        for (int i = Math.max(0, order.length - MAX_NEURONS); i < order.length; i++) group[n++] = NEURON_BASE + activeIds.get(order[i]);
        leftGroup = Arrays.stream(group).distinct().sorted().toArray();

        int added = proposals.isEmpty() ? 0 : store(proposals, false);
        predicted = crossLeftsAndPredict();
        if (newZeroLevel) added++;
        double newShare = newZeroLevel && !unique.isEmpty() ? added / (double) unique.size() : 0.0;
        return new double[] {activeShare, newShare};
    }

    /** Stores the contexts not yet known; the number stored. A zero-level one already known is marked zero-level. */
    private int store(List<Proposal> proposals, boolean zeroLevel) {
        int added = 0;
        for (Proposal p : proposals) {
            long leftHash = PythonTupleHash.of(p.left());
            long rightHash = PythonTupleHash.of(p.right());
            LeftHalf left = lefts.get(leftIds.computeIfAbsent(leftHash, h -> {
                LeftHalf half = new LeftHalf(lefts.size(), p.left());
                lefts.add(half);
                for (long f : p.left()) leftIndex.computeIfAbsent(f, k -> new ArrayList<>()).add(half);
                return half.id;
            }));
            RightHalf right = rights.get(rightIds.computeIfAbsent(rightHash, h -> {
                RightHalf half = new RightHalf(rights.size(), p.right());
                rights.add(half);
                for (long f : p.right()) rightIndex.computeIfAbsent(f, k -> new ArrayList<>()).add(half);
                return half.id;
            }));
            int next = contexts.size();
            int id = left.contexts.putIfAbsent(right.id, next);
            if (id == next) {
                added++;
                contexts.add(new Context(p.right(), zeroLevel, leftHash, rightHash));
                if (zeroLevel) untouched = id;
            } else if (zeroLevel) {
                contexts.get(id).zeroLevel = true;
            }
        }
        return added;
    }

    /** Matches every left half against the left group; the right facts of the best-performing fully matched contexts. */
    private Set<Long> crossLeftsAndPredict() {
        cross(leftIndex, crossedLefts, leftGroup, true);
        crossedLefts = touched(lefts);
        double best = 0.0;
        List<Context> predicting = new ArrayList<>();
        for (LeftHalf left : crossedLefts) {
            if (left.matched.size() != left.facts.length) continue;
            double[] bestRef = {best};
            left.contexts.forEach((rightId, contextId) -> {
                Context c = contexts.get(contextId);
                double weight = c.selection > 0 ? c.success / (double) c.selection : 0.0;
                if (weight > bestRef[0]) {
                    bestRef[0] = weight;
                    predicting.clear();
                    predicting.add(c);
                } else if (weight == bestRef[0]) {
                    predicting.add(c);
                }
            });
            best = bestRef[0];
        }
        Set<Long> out = new HashSet<>();
        for (Context c : predicting) for (long f : c.right) out.add(f);
        return out;
    }

    private <H> void cross(Map<Long, List<H>> index, List<H> previous, long[] facts, boolean isLeft) {
        for (H h : previous) matchedOf(h).clear();
        for (long f : facts) for (H h : index.getOrDefault(f, List.of())) matchedOf(h).add(f);
    }

    /** Halves with at least one matched fact, in creation order. */
    private static <H> List<H> touched(List<H> all) {
        List<H> out = new ArrayList<>();
        for (H h : all) if (!matchedOf(h).isEmpty()) out.add(h);
        return out;
    }

    private static List<Long> matchedOf(Object half) {
        return half instanceof LeftHalf l ? l.matched : ((RightHalf) half).matched;
    }

    private static long[] toArray(List<Long> facts) {
        return facts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Contexts stored so far. */
    public int contexts() {
        return contexts.size();
    }

    /**
     * The state's size if stored compactly (e.g. one Redis value): 8 bytes a fact of every half, 8 a half's hash,
     * 8 a slot of a left half's context table (two ints), 4 an index entry, 36 a context (three counters, a flag, the
     * two halves' ids), 8 a remembered raw score, 8 a fact of the left group and of the prediction.
     */
    public long stateBytes() {
        long bytes = 0;
        for (LeftHalf l : lefts) bytes += 8L * l.facts.length + 8 + 8L * l.contexts.capacity() + 4L * l.facts.length;
        for (RightHalf r : rights) bytes += 8L * r.facts.length + 8 + 4L * r.facts.length;
        bytes += 36L * contexts.size();
        bytes += 8L * recentRaw.size() + 8L * leftGroup.length + 8L * predicted.size();
        return bytes;
    }
}
