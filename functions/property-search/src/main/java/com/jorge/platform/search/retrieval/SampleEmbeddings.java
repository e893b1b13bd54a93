package com.jorge.platform.search.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The King County sample's description embeddings, shipped beside it
 * ({@value #RESOURCE}): MiniLM's vectors of {@code ListingDescription}'s texts, as half floats (2 MB),
 * under the SHA-256 of those texts. Loading the sample (a test fixture, {@code SEARCH_LOAD_SAMPLE})
 * then embeds nothing: seconds instead of minutes on a busy machine. When a description changes the
 * digest no longer matches and the file is not used (the texts are embedded as before);
 * {@code SampleEmbeddingsTest} fails until the file is written again (perf/search's README says how).
 * Half floats move a cosine similarity by about 1e-4.
 */
public final class SampleEmbeddings {

    public static final String RESOURCE = "/search/king-county/listing-embeddings.f16";
    private static final int MAGIC = 0x4A53_4531; // "JSE1"

    private SampleEmbeddings() {}

    /** The shipped vectors of these texts, in their order, when the file was written for exactly these texts. */
    public static Optional<List<float[]>> of(List<String> texts) {
        try (InputStream raw = SampleEmbeddings.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) return Optional.empty();
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            byte[] digest = new byte[32];
            if (in.readInt() != MAGIC) return Optional.empty();
            in.readFully(digest);
            int count = in.readInt();
            int dimensions = in.readInt();
            if (count != texts.size() || !Arrays.equals(digest, digest(texts))) return Optional.empty();
            List<float[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[] v = new float[dimensions];
                for (int k = 0; k < dimensions; k++) v[k] = Float.float16ToFloat(in.readShort());
                out.add(v);
            }
            return Optional.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Writes the file for these texts and their vectors (perf/search's {@code SampleEmbeddingsWriter}). */
    public static void write(Path file, List<String> texts, List<float[]> vectors) throws IOException {
        if (texts.size() != vectors.size() || vectors.isEmpty()) throw new IllegalArgumentException("one vector per text, at least one");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.write(digest(texts));
            out.writeInt(vectors.size());
            out.writeInt(vectors.getFirst().length);
            for (float[] v : vectors) {
                for (float x : v) out.writeShort(Float.floatToFloat16(x));
            }
        }
    }

    static byte[] digest(List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            texts.forEach(t -> sha.update((t + "\n").getBytes(StandardCharsets.UTF_8)));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
