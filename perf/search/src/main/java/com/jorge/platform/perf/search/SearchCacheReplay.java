package com.jorge.platform.perf.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.search.cache.CacheKey;
import com.jorge.platform.search.cache.CachedPropertySearch;
import com.jorge.platform.search.cache.CachedPropertySearch.SearchAnswer;
import com.jorge.platform.search.cache.SearchCacheSettings;
import com.jorge.platform.search.cache.SemanticSearchCache;
import com.jorge.platform.search.listing.ListingDescription;
import com.jorge.platform.search.listing.ListingRepository;
import com.jorge.platform.search.query.PlaceGazetteer;
import com.jorge.platform.search.query.SearchQueryReader;
import com.jorge.platform.search.retrieval.ExactVectorIndex;
import com.jorge.platform.search.retrieval.ListingCatalog;
import com.jorge.platform.search.retrieval.MiniLmEmbedder;
import com.jorge.platform.search.retrieval.PropertySearch;
import com.jorge.platform.search.retrieval.RememberingEmbedder;
import com.jorge.platform.storage.Database;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.understanding.AreaReader;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * A repeat-heavy replay of buyer queries through the cached search on the real PostgreSQL and Redis:
 * questions are the pair groups of pairs/*.jsonl (each with its English and Spanish phrasings), drawn
 * Zipf-distributed (popular questions come back, in any of their phrasings). Prints hit rate, the
 * false-hit rate (a hit on a question nobody had asked before can only be another question's answer),
 * an audit of sampled hits against the uncached search, cached and uncached p50/p99, and the cost
 * avoided per 1,000 queries at the unit prices given and the share of the cost it is, and ends with one
 * summary line.
 *   SearchCacheReplay [queries, default 2000] [zipf s, default 1.1] [pairs files, default perf/search/pairs/heldout.jsonl]
 *   -Dsearch.price.answerUsd (the LLM answer a hit avoids, default 0.0015) -Dsearch.price.searchUsd (default 0.00002)
 *   -Dsearch.price.embedUsd (embedding the free text, which a hit still needs; default 0: MiniLM in process)
 */
public final class SearchCacheReplay {

    public static void main(String[] args) throws IOException {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        double s = args.length > 1 ? Double.parseDouble(args[1]) : 1.1;
        double answerUsd = Double.parseDouble(System.getProperty("search.price.answerUsd", "0.0015"));
        double searchUsd = Double.parseDouble(System.getProperty("search.price.searchUsd", "0.00002"));
        double embedUsd = Double.parseDouble(System.getProperty("search.price.embedUsd", "0"));
        Path[] pairFiles = args.length > 2
                ? java.util.Arrays.stream(args, 2, args.length).map(Path::of).toArray(Path[]::new)
                : new Path[] {Path.of("perf/search/pairs/heldout.jsonl")};

        PlaceGazetteer places = PlaceGazetteer.load(PlaceGazetteer.KING_COUNTY);
        MiniLmEmbedder embedder = MiniLmEmbedder.load();
        SearchQueryReader reader = new SearchQueryReader(LeadMessageUnderstander.patternsOnly(Clock.systemUTC()),
                AreaReader.load("/search/king-county/areas-king-county.txt"), places);
        List<List<String>> questions = sameQuestionsMerged(questions(pairFiles), reader);
        System.out.println("questions from " + java.util.Arrays.toString(pairFiles));
        RedisClient client = RedisClient.create(TestRedis.standaloneUrl());
        try (TestPostgres.Schema schema = TestPostgres.newSchema("search_replay");
             StatefulRedisConnection<String, String> redis = client.connect();
             // pooled, as the worker's Database is: a connection per query would time the connection, not the search
             Database database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 4))) {
            ListingRepository repository = new ListingRepository(database.dataSource()).migrate();
            ExactVectorIndex index = new ExactVectorIndex();
            long t0 = System.nanoTime();
            new ListingCatalog(repository, index, embedder, new ListingDescription(places)).addKingCountySample();
            System.out.printf(Locale.ROOT, "listings=%d stored with their shipped embeddings in %.1f s%n", index.size(), (System.nanoTime() - t0) / 1e9);

            SearchCacheSettings settings = new SearchCacheSettings(Duration.ofHours(1), SearchCacheSettings.DEFAULT_SIMILARITY, 64, 0.0);
            RecordedMetrics metrics = new RecordedMetrics();
            PropertySearch search = new PropertySearch(repository, index, new RememberingEmbedder(embedder, 10_000));
            CachedPropertySearch cached = new CachedPropertySearch(reader, search, repository,
                    new SemanticSearchCache(redis.sync(), settings, Clock.systemUTC(), TestRedis.namespace("replay") + ":"), settings, metrics, () -> 1.0);

            Random random = new Random(7);
            double[] cdf = zipf(questions.size(), s);
            for (int i = 0; i < 300; i++) { // warm-up (JIT, pools) in a location of its own, not measured
                List<String> q = questions.get(random.nextInt(questions.size()));
                cached.search("warm-up", "c", q.get(random.nextInt(q.size())), 3);
            }
            Histogram hitLatency = new Histogram(60_000_000L, 3);
            Histogram missLatency = new Histogram(60_000_000L, 3);
            Set<Integer> asked = new HashSet<>();
            Set<String> textsSeen = new HashSet<>();
            int exactRepeats = 0;
            List<String> hitTexts = new ArrayList<>();
            int hits = 0;
            int falseHits = 0;
            for (int i = 0; i < queries; i++) {
                int question = draw(cdf, random);
                List<String> phrasings = questions.get(question);
                String text = phrasings.get(random.nextInt(phrasings.size()));
                if (!textsSeen.add(text)) exactRepeats++;
                long start = System.nanoTime();
                SearchAnswer a = cached.search("replay", "contact-" + random.nextInt(500), text, 3);
                long micros = (System.nanoTime() - start) / 1_000;
                if (a.cached()) {
                    hits++;
                    hitLatency.recordValue(micros);
                    if (!asked.contains(question)) falseHits++;
                    if (hitTexts.size() < 200) hitTexts.add(text);
                } else {
                    missLatency.recordValue(micros);
                }
                asked.add(question);
            }
            // audit: each sampled hit's cached page against the uncached search of the same text
            int agree = 0;
            for (String text : hitTexts) {
                List<Long> fromCache = cached.search("replay", "audit", text, 3).page().ids();
                if (fromCache.equals(search.search(reader.read(text), 3).ids())) agree++;
            }
            // where a cached answer's time goes: reading the text, and embedding a free text the process has not seen
            Histogram readLatency = new Histogram(60_000_000L, 3);
            Histogram embedLatency = new Histogram(60_000_000L, 3);
            for (String text : hitTexts) {
                long t = System.nanoTime();
                var q = reader.read(text);
                readLatency.recordValue((System.nanoTime() - t) / 1_000);
                if (q.hasFreeText()) {
                    t = System.nanoTime();
                    embedder.embed(q.freeText());
                    embedLatency.recordValue((System.nanoTime() - t) / 1_000);
                }
            }
            double hitRate = (double) hits / queries;
            System.out.printf(Locale.ROOT, "questions=%d queries=%d zipf=%.2f distinctAsked=%d (hit-rate ceiling %.4f: every repeat a hit)%n",
                    questions.size(), queries, s, asked.size(), 1 - (double) asked.size() / queries);
            System.out.printf(Locale.ROOT, "exact-text repeats %.4f (what a cache of identical texts alone would hit)%n", (double) exactRepeats / queries);
            System.out.printf(Locale.ROOT, "hitRate=%.4f falseHitRate=%.4f (hits on a question not asked before: %d of %d hits)%n",
                    hitRate, hits == 0 ? 0 : (double) falseHits / hits, falseHits, hits);
            System.out.printf(Locale.ROOT, "audit: %d of %d sampled hits give the uncached search's top 3%n", agree, hitTexts.size());
            System.out.printf(Locale.ROOT, "cached   p50=%.2f ms p99=%.2f ms max=%.2f ms (n=%d)%n", hitLatency.getValueAtPercentile(50) / 1e3,
                    hitLatency.getValueAtPercentile(99) / 1e3, hitLatency.getMaxValue() / 1e3, hitLatency.getTotalCount());
            System.out.printf(Locale.ROOT, "uncached p50=%.2f ms p99=%.2f ms max=%.2f ms (n=%d)%n", missLatency.getValueAtPercentile(50) / 1e3,
                    missLatency.getValueAtPercentile(99) / 1e3, missLatency.getMaxValue() / 1e3, missLatency.getTotalCount());
            System.out.printf(Locale.ROOT, "parts of a hit: reading the text p50=%.2f ms p99=%.2f ms; embedding an unseen free text p50=%.2f ms p99=%.2f ms (n=%d)%n",
                    readLatency.getValueAtPercentile(50) / 1e3, readLatency.getValueAtPercentile(99) / 1e3,
                    embedLatency.getValueAtPercentile(50) / 1e3, embedLatency.getValueAtPercentile(99) / 1e3, embedLatency.getTotalCount());
            double avoided = hitRate * 1000 * (answerUsd + searchUsd);
            double uncachedCost = 1000 * (answerUsd + searchUsd + embedUsd);
            System.out.printf(Locale.ROOT, "costAvoidedPer1000=$%.4f of $%.4f (a hit avoids one LLM answer at $%s and one search at $%s; it still embeds the text at $%s)%n",
                    avoided, uncachedCost, answerUsd, searchUsd, embedUsd);
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f (latencies on a loaded machine are indicative only)%n",
                    Runtime.getRuntime().availableProcessors(), load);
            System.out.printf(Locale.ROOT, "hitRate=%.4f falseHitRate=%.4f cachedP50Ms=%.2f cachedP99Ms=%.2f uncachedP50Ms=%.2f uncachedP99Ms=%.2f costAvoidedPer1000Usd=%.4f costReduction=%.4f%n",
                    hitRate, hits == 0 ? 0 : (double) falseHits / hits, hitLatency.getValueAtPercentile(50) / 1e3,
                    hitLatency.getValueAtPercentile(99) / 1e3, missLatency.getValueAtPercentile(50) / 1e3,
                    missLatency.getValueAtPercentile(99) / 1e3, avoided, avoided / uncachedCost);
        } finally {
            client.shutdown();
        }
    }

    /** Each pair group is a question; its phrasings are the texts its same-labelled pairs hold. */
    static List<List<String>> questions(Path... files) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> byGroup = new TreeMap<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                JsonNode n = json.readTree(line);
                if (!n.path("same").asBoolean() || n.path("kind").asText().equals("en-es-preference")) continue;
                Set<String> texts = byGroup.computeIfAbsent(f.getFileName() + ":" + n.path("group").asInt(), g -> new LinkedHashSet<>());
                texts.add(n.get("a").asText());
                texts.add(n.get("b").asText());
            }
        }
        return byGroup.values().stream().map(t -> (List<String>) new ArrayList<>(t)).toList();
    }

    /**
     * Two groups of the pairs files can hold the same question ("3 bed in Kent under 500k" drawn twice):
     * groups whose phrasings read identically (same key, same free text) are one question, else a
     * correct hit would count as false.
     */
    static List<List<String>> sameQuestionsMerged(List<List<String>> groups, SearchQueryReader reader) {
        Map<String, Integer> owner = new java.util.HashMap<>();
        int[] parent = new int[groups.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int i = 0; i < groups.size(); i++) {
            for (String text : groups.get(i)) {
                var q = reader.read(text);
                String reading = CacheKey.of(q).exact() + "|" + q.freeText();
                Integer j = owner.putIfAbsent(reading, i);
                if (j != null) parent[root(parent, i)] = root(parent, j);
            }
        }
        Map<Integer, Set<String>> merged = new TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            merged.computeIfAbsent(root(parent, i), r -> new LinkedHashSet<>()).addAll(groups.get(i));
        }
        return merged.values().stream().map(t -> (List<String>) new ArrayList<>(t)).toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) cdf[i] /= sum;
        return cdf;
    }

    private static int draw(double[] cdf, Random random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
