package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheTraceFileTest {

    /** headissue GmbH / Jens Wilke's web12 trace (CC BY 4.0, LICENSE.txt beside it). */
    static Trace web12() throws IOException {
        try (InputStream in = CacheTraceFileTest.class.getResourceAsStream("/cache-traces/web12.trace.xz")) {
            return CacheTraceFile.read("web12", new org.tukaani.xz.XZInputStream(in));
        }
    }

    @Test
    void readsBigEndianKeysAndNumbersThemInOrderOfFirstRead() throws IOException {
        byte[] raw = {0, 0, 0, 7, 0x48, 0, 0x0a, 0, 0, 0, 0, 7, 0, 0, 0, 1};
        Trace trace = CacheTraceFile.read("t", new ByteArrayInputStream(raw));
        assertArrayEquals(new int[] {0, 1, 0, 2}, trace.keys());
        assertEquals(3, trace.keyCount());
        assertNull(trace.times());
    }

    @Test
    void readsTheSharedWeb12Trace() throws IOException {
        Trace trace = web12();
        assertEquals(95_607, trace.size()); // 382,428 bytes of 4-byte keys
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 1, 6}, java.util.Arrays.copyOf(trace.keys(), 8));
        assertTrue(trace.peakTo() - trace.peakFrom() >= trace.size() / 24);
    }

    @Test
    void anEmptyTraceIsAnError() {
        IOException e = assertThrows(IOException.class, () -> CacheTraceFile.read("empty", new ByteArrayInputStream(new byte[0])));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
