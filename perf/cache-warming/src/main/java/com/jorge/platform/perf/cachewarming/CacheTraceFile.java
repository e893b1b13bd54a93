package com.jorge.platform.perf.cachewarming;

import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a trace in the format of the headissue / cache2k traces (CC BY 4.0; a sample is in the test resources):
 * a sequence of big-endian 32-bit keys, one per read, no times; {@code .xz} files are decompressed on
 * the fly. Keys are renumbered densely in order of first appearance.
 */
public final class CacheTraceFile {

    private CacheTraceFile() {}

    public static Trace read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(nameOf(file), file.toString().endsWith(".xz") ? new XZInputStream(in) : in);
        }
    }

    /** {@code web12.trace.xz} -> {@code web12}. */
    public static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.xz$", "").replaceFirst("\\.trace$", "");
    }

    public static Trace read(String name, InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        int[] keys = new int[1 << 16];
        int n = 0;
        Map<Integer, Integer> ids = new HashMap<>();
        while (true) {
            int key;
            try {
                key = in.readInt();
            } catch (EOFException end) {
                break;
            }
            if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
            keys[n++] = ids.computeIfAbsent(key, k -> ids.size());
        }
        if (n == 0) throw new IOException("trace " + name + " holds no reads (expected big-endian 32-bit keys)");
        return Trace.untimed(name, Arrays.copyOf(keys, n), ids.size());
    }
}
