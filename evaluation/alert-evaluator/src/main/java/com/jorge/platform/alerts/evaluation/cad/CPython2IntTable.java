package com.jorge.platform.alerts.evaluation.cad;

import java.util.Arrays;

/**
 * A map from small non-negative int keys to int values laid out as an open-addressed table with the probe sequence,
 * growth rule and slot-order iteration of a CPython 2.7 dict with int keys (no deletions). {@link ContextualAnomalyDetector}
 * iterates its per-left-half context tables in this order, because the published CAD OSE results were produced by a
 * Python 2 run whose new-context ids (which feed back as input facts) follow that order. Written from CPython's
 * documented dict design (hash of an int is the int; first slot hash &amp; mask; then i = 5i + perturb + 1,
 * perturb &gt;&gt;= 5; grow to the smallest power of two above 4 x used when two thirds full).
 */
final class CPython2IntTable {

    private static final int MIN_SIZE = 8;
    private static final int EMPTY = -1;
    private int[] keys;
    private int[] values;
    private int used;

    CPython2IntTable() {
        keys = new int[MIN_SIZE];
        values = new int[MIN_SIZE];
        Arrays.fill(keys, EMPTY);
    }

    /** The table exactly as laid out (slots in order, -1 for an empty one), for a stored state. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeInt(keys[i]);
            if (keys[i] != EMPTY) out.writeInt(values[i]);
        }
    }

    static CPython2IntTable read(java.io.DataInputStream in) throws java.io.IOException {
        int length = in.readInt();
        if (length < MIN_SIZE || Integer.bitCount(length) != 1) throw new java.io.IOException("bad table size " + length);
        CPython2IntTable t = new CPython2IntTable();
        t.keys = new int[length];
        t.values = new int[length];
        for (int i = 0; i < length; i++) {
            t.keys[i] = in.readInt();
            if (t.keys[i] != EMPTY) {
                t.values[i] = in.readInt();
                t.used++;
            }
        }
        return t;
    }

    int size() {
        return used;
    }

    /** Slots in the table (for the state's size). */
    int capacity() {
        return keys.length;
    }

    /** The value of {@code key}, inserting {@code value} first when absent (Python's setdefault). */
    int putIfAbsent(int key, int value) {
        if (key < 0) throw new IllegalArgumentException("key must be non-negative, got " + key);
        int slot = slot(keys, key);
        if (keys[slot] == key) return values[slot];
        keys[slot] = key;
        values[slot] = value;
        used++;
        if (used * 3 >= keys.length * 2) resize(4 * used);
        return value;
    }

    /** Calls {@code action(key, value)} for every entry in slot order. */
    void forEach(EntryAction action) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY) action.accept(keys[i], values[i]);
    }

    /** What {@link #forEach} does with one entry. */
    @FunctionalInterface
    interface EntryAction {
        void accept(int key, int value);
    }

    private static int slot(int[] keys, int key) {
        int mask = keys.length - 1;
        long i = key & mask;
        if (keys[(int) i] == EMPTY || keys[(int) i] == key) return (int) i;
        for (long perturb = key; ; perturb >>>= 5) {
            i = (i << 2) + i + perturb + 1;
            int s = (int) (i & mask);
            if (keys[s] == EMPTY || keys[s] == key) return s;
        }
    }

    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) size <<= 1;
        int[] oldKeys = keys, oldValues = values;
        keys = new int[size];
        values = new int[size];
        Arrays.fill(keys, EMPTY);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == EMPTY) continue;
            int s = slot(keys, oldKeys[j]);
            keys[s] = oldKeys[j];
            values[s] = oldValues[j];
        }
    }
}
