package com.jorge.platform.perf.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.search.cache.CacheDecision;
import com.jorge.platform.search.cache.CacheKey;
import com.jorge.platform.search.cache.QueryPairDecider;
import com.jorge.platform.search.cache.SearchCacheSettings;
import com.jorge.platform.search.query.PlaceGazetteer;
import com.jorge.platform.search.query.SearchQueryReader;
import com.jorge.platform.search.retrieval.MiniLmEmbedder;
import com.jorge.platform.understanding.AreaReader;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cache's decision on every pair of a file (one JSON object a line: a, b, same; other fields
 * ignored). Writes each decision to the decisions file and ends with exactly one summary line:
 * {@code pairs=N hitRate=H falseHitRate=F}, H over the pairs labelled same, F over the others.
 *   CachePairsEvaluation FILE [decisionsFile] [threshold, default SEARCH_CACHE_SIMILARITY's default]
 * With {@code --curve}, prints the rates over thresholds instead (for choosing one).
 */
public final class CachePairsEvaluation {

    record Pair(String a, String b, boolean same, String kind) {}

    public static void main(String[] args) throws IOException {
        boolean curve = args.length > 0 && args[0].equals("--curve");
        int at = curve ? 1 : 0;
        if (args.length <= at) {
            System.err.println("usage: cache-pairs.sh [--curve] FILE [decisionsFile] [threshold]");
            System.exit(2);
        }
        List<Pair> pairs = read(Path.of(args[at]));
        Path decisionsFile = Path.of(args.length > at + 1 ? args[at + 1] : "perf/search/target/cache-pairs-decisions.jsonl");
        double threshold = args.length > at + 2 ? Double.parseDouble(args[at + 2]) : SearchCacheSettings.DEFAULT_SIMILARITY;

        PlaceGazetteer places = PlaceGazetteer.load(PlaceGazetteer.KING_COUNTY);
        SearchQueryReader reader = new SearchQueryReader(LeadMessageUnderstander.patternsOnly(Clock.systemUTC()),
                AreaReader.load("/search/king-county/areas-king-county.txt"), places);
        QueryPairDecider decider = new QueryPairDecider(reader, MiniLmEmbedder.load());
        // the similarity is computed once per pair; any threshold's decision follows from it
        List<CacheDecision> decided = new ArrayList<>();
        for (Pair p : pairs) {
            decided.add(decider.decide(p.a(), p.b(), threshold));
        }
        if (curve) {
            System.out.println("threshold hitRate falseHitRate falseHits");
            for (int t = 60; t <= 100; t += 2) {
                double th = t / 100.0;
                long[] c = counts(pairs, decided, th);
                System.out.printf(Locale.ROOT, "%.2f %.4f %.4f %d%n", th, rate(c[0], c[1]), rate(c[2], c[3]), c[2]);
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        Map<String, long[]> byKind = new TreeMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            CacheDecision d = decided.get(i);
            boolean hit = hitAt(d, threshold);
            // each side as the cache reads it (its exact key and free text): where a miss comes from
            lines.add(json.writeValueAsString(Map.of("a", p.a(), "b", p.b(), "same", p.same(), "kind", p.kind(), "hit", hit,
                    "reason", d.reason(), "similarity", Double.isNaN(d.similarity()) ? -1 : Math.round(d.similarity() * 1000) / 1000.0,
                    "readA", reading(reader, p.a()), "readB", reading(reader, p.b()))));
            long[] k = byKind.computeIfAbsent(p.kind() + (p.same() ? " (same)" : " (different)"), x -> new long[2]);
            k[0] += hit ? 1 : 0;
            k[1]++;
        }
        Files.createDirectories(decisionsFile.toAbsolutePath().getParent());
        Files.write(decisionsFile, lines);
        byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "kind %-32s pairs=%d hits=%d%n", kind, k[1], k[0]));
        System.out.println("threshold=" + threshold + " decisions=" + decisionsFile);
        long[] c = counts(pairs, decided, threshold);
        System.out.printf(Locale.ROOT, "pairs=%d hitRate=%.4f falseHitRate=%.4f%n", pairs.size(), rate(c[0], c[1]), rate(c[2], c[3]));
    }

    private static String reading(SearchQueryReader reader, String text) {
        var q = reader.read(text);
        return CacheKey.of(q).exact() + " | " + q.freeText();
    }

    /** The decision at another threshold: only the similarity step depends on it. */
    private static boolean hitAt(CacheDecision d, double threshold) {
        return d.reason().equals("similar") || d.reason().equals("dissimilar") ? d.similarity() >= threshold : d.hit();
    }

    private static long[] counts(List<Pair> pairs, List<CacheDecision> decided, double threshold) {
        long[] c = new long[4]; // hits on same, same, hits on different, different
        for (int i = 0; i < pairs.size(); i++) {
            boolean hit = hitAt(decided.get(i), threshold);
            if (pairs.get(i).same()) {
                c[0] += hit ? 1 : 0;
                c[1]++;
            } else {
                c[2] += hit ? 1 : 0;
                c[3]++;
            }
        }
        return c;
    }

    private static double rate(long n, long d) {
        return d == 0 ? 0 : (double) n / d;
    }

    static List<Pair> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Pair> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            if (n == null || !n.hasNonNull("a") || !n.hasNonNull("b") || !n.has("same") || !n.get("same").isBoolean()) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": want {\"a\": text, \"b\": text, \"same\": true|false}");
            }
            out.add(new Pair(n.get("a").asText(), n.get("b").asText(), n.get("same").asBoolean(), n.path("kind").asText("unlabelled")));
        }
        return out;
    }
}
