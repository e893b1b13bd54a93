package com.jorge.platform.understanding;

import java.util.Arrays;

/**
 * The features the learned intent model reads from a folded message: its words, word pairs, the
 * first two words, and the character 3- to 5-grams of each word (so "unsubscibe", "pls" and
 * "quiero" share features with their spellings and inflections), hashed into {@link #BUCKETS}
 * buckets. Digits are read as one shape ("450k" and "30k" are both "9k"). One pass over the text;
 * at most {@link #MAX_WORDS} words are read, so a long text costs no more than a long SMS. In this module for
 * {@link OtherIntentFallback}, which reads them folded into fewer buckets ({@link #of(String, int)}); the wider
 * models of evaluation/lead-understanding read all {@link #BUCKETS}.
 */
final class IntentFeatures {

    static final int BUCKETS = 1 << 16;
    static final int MAX_WORDS = 400;

    private IntentFeatures() {
    }

    /** Distinct feature buckets of a folded text, ascending. */
    static int[] of(String folded) {
        String[] words = words(folded);
        int[] out = new int[words.length * 24 + 8];
        int n = 0;
        out[n++] = hash(folded.indexOf('?') >= 0 || folded.indexOf('¿') >= 0 ? "q:yes" : "q:no");
        out[n++] = hash("len:" + Math.min(words.length, 12));
        if (words.length > 0) {
            out[n++] = hash("first:" + words[0]);
            out[n++] = hash("first2:" + words[0] + (words.length > 1 ? " " + words[1] : " </s>"));
        }
        String previous = "<s>";
        for (String w : words) {
            out[n++] = hash("w:" + w);
            out[n++] = hash("b:" + previous + " " + w);
            previous = w;
            String padded = " " + w + " ";
            for (int len = 3; len <= 5; len++) {
                for (int i = 0; i + len <= padded.length(); i++) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = hash("c:" + padded.substring(i, i + len));
                }
            }
            if (n + 8 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        out[n++] = hash("b:" + previous + " </s>");
        int[] features = Arrays.copyOf(out, n);
        Arrays.sort(features);
        return Arrays.stream(features).distinct().toArray();
    }

    /**
     * As {@link #of(String)}, folded into {@code buckets} (a power of two up to {@link #BUCKETS}): the low bits of the
     * same hash, so a small model reads the same words as a large one, with more collisions.
     */
    static int[] of(String folded, int buckets) {
        if (buckets <= 0 || buckets > BUCKETS || Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two up to " + BUCKETS + ": " + buckets);
        }
        int[] wide = of(folded);
        if (buckets == BUCKETS) {
            return wide;
        }
        int[] out = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            out[i] = wide[i] & (buckets - 1);
        }
        Arrays.sort(out);
        return Arrays.stream(out).distinct().toArray();
    }

    /** Lower-case letter and digit runs (apostrophes dropped: "don't" = "dont"), digits as '9'. */
    static String[] words(String folded) {
        StringBuilder all = new StringBuilder(Math.min(folded.length(), 4_000));
        int count = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= folded.length() && count < MAX_WORDS; i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (c == '\'' || c == '\u2019') {
                continue;
            }
            if (c >= 'a' && c <= 'z' || c == 'ñ') {
                word.append(c);
            } else if (c >= '0' && c <= '9') {
                if (word.isEmpty() || word.charAt(word.length() - 1) != '9') {
                    word.append('9');
                }
            } else if (!word.isEmpty()) {
                if (word.length() > 24) {
                    word.setLength(24);
                }
                all.append(word).append(' ');
                word.setLength(0);
                count++;
            }
        }
        String s = all.toString().trim();
        return s.isEmpty() ? new String[0] : s.split(" ");
    }

    /** 64-bit FNV-1a, folded to a bucket: fixed across JVMs and runs, unlike String.hashCode's users. */
    static int hash(String feature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x100000001b3L;
        }
        return (int) ((h ^ (h >>> 32)) & (BUCKETS - 1));
    }
}
