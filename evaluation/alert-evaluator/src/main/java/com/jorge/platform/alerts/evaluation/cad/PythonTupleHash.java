package com.jorge.platform.alerts.evaluation.cad;

/**
 * The 64-bit hash CPython 2.7 gives a tuple of ints (an int hashes to itself, -1 to -2): {@link ContextualAnomalyDetector}
 * keys the halves of its contexts by it and breaks ties between equally active contexts with it, as the run behind
 * CAD OSE's published NAB results did. Written from CPython's documented tuple hash (x = 0x345678; per item
 * x = (x ^ h) * mult, mult += 82520 + 2 * items left; x += 97531), wrapping as a C long does.
 */
final class PythonTupleHash {

    private PythonTupleHash() {}

    static long of(long[] items) {
        long x = 0x345678L;
        long mult = 1000003L;
        int len = items.length;
        for (long item : items) {
            long y = item == -1 ? -2 : item;
            x = (x ^ y) * mult;
            len--;
            mult += 82520L + len + len;
        }
        x += 97531L;
        return x == -1 ? -2 : x;
    }
}
