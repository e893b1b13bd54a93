package com.jorge.platform.perf.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.search.cache.CacheKey;
import com.jorge.platform.search.cache.CachedPropertySearch;
import com.jorge.platform.search.cache.CachedPropertySearch.SearchAnswer;
import com.jorge.platform.search.cache.SearchCacheSettings;
import com.jorge.platform.search.cache.SearchMetrics;
import com.jorge.platform.search.cache.SemanticSearchCache;
import com.jorge.platform.search.listing.ListingDescription;
import com.jorge.platform.search.listing.ListingRepository;
import com.jorge.platform.search.query.PlaceGazetteer;
import com.jorge.platform.search.query.SearchQuery;
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
 *   -Dsearch.price.embedUsd (embedding the free text, which a hit on other words than an earlier query's still needs; default 0: MiniLM in process)
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
            SemanticSearchCache cache = new SemanticSearchCache(redis.sync(), settings, Clock.systemUTC(), TestRedis.namespace("replay") + ":");
            CachedPropertySearch cached = new CachedPropertySearch(reader, search, repository, cache, settings, metrics, () -> 1.0);

            Random random = new Random(7);
            double[] cdf = zipf(questions.size(), s);
            for (int i = 0; i < 300; i++) { // warm-up (JIT, pools) in a location of its own, not measured
                List<String> q = questions.get(random.nextInt(questions.size()));
                cached.search("warm-up", "c", q.get(random.nextInt(q.size())), 3);
            }
            Histogram hitLatency = new Histogram(60_000_000L, 3);
            Histogram missLatency = new Histogram(60_000_000L, 3);
            // the calling thread's CPU time of a hit: what the design costs, whatever the machine's load (waiting for a core is not in it)
            Histogram hitCpu = new Histogram(60_000_000L, 3);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Set<Integer> asked = new HashSet<>();
            Set<String> textsSeen = new HashSet<>();
            int exactRepeats = 0;
            List<String> hitTexts = new ArrayList<>();
            int hits = 0;
            int falseHits = 0;
            long sameTextBefore = metrics.counter(SearchMetrics.CACHE_SAME_TEXT_HITS);
            for (int i = 0; i < queries; i++) {
                int question = draw(cdf, random);
                List<String> phrasings = questions.get(question);
                String text = phrasings.get(random.nextInt(phrasings.size()));
                if (!textsSeen.add(text)) exactRepeats++;
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                SearchAnswer a = cached.search("replay", "contact-" + random.nextInt(500), text, 3);
                long micros = (System.nanoTime() - start) / 1_000;
                if (a.cached()) {
                    hits++;
                    hitLatency.recordValue(micros);
                    hitCpu.recordValue((threads.getCurrentThreadCpuTime() - cpuStart) / 1_000);
                    if (!asked.contains(question)) falseHits++;
                    if (hitTexts.size() < 200) hitTexts.add(text);
                } else {
                    missLatency.recordValue(micros);
                }
                asked.add(question);
            }
            long sameTextHits = metrics.counter(SearchMetrics.CACHE_SAME_TEXT_HITS) - sameTextBefore;
            // audit: each sampled hit's cached page against the uncached search of the same text
            int agree = 0;
            for (String text : hitTexts) {
                List<Long> fromCache = cached.search("replay", "audit", text, 3).page().ids();
                if (fromCache.equals(search.search(reader.read(text), 3).ids())) agree++;
            }
            // where a cached answer's time goes: its steps one by one, as CachedPropertySearch takes them, on the sampled hits
            Histogram readPart = new Histogram(60_000_000L, 3);
            Histogram keyPart = new Histogram(60_000_000L, 3);
            Histogram cachePart = new Histogram(60_000_000L, 3);
            Histogram pagePart = new Histogram(60_000_000L, 3);
            Histogram embedPart = new Histogram(60_000_000L, 3);
            int embedded = 0;
            for (String text : hitTexts) {
                long t = System.nanoTime();
                var q = reader.read(text);
                readPart.recordValue(micros(t));
                t = System.nanoTime();
                CacheKey key = CacheKey.of(q);
                String polarity = CacheKey.polarity(q);
                keyPart.recordValue(micros(t));
                boolean[] embeds = {false};
                t = System.nanoTime();
                var answer = cache.lookup("replay", key, q.freeText(), polarity, () -> {
                    embeds[0] = true;
                    return search.queryVector(q);
                });
                cachePart.recordValue(micros(t));
                if (embeds[0]) embedded++;
                t = System.nanoTime();
                repository.findAll(answer.orElseThrow().ids().subList(0, Math.min(3, answer.get().ids().size())));
                pagePart.recordValue(micros(t));
                if (q.hasFreeText()) { // what the exact path saves: the model on a free text it has not seen
                    t = System.nanoTime();
                    embedder.embed(q.freeText());
                    embedPart.recordValue(micros(t));
                }
            }
            // a popular key holds up to 64 answers (one per distinct free text): the same words stay one HGET, other words read and compare them all
            SearchQuery full = reader.read("3 bed in Kent under 500k near a park");
            CacheKey fullKey = CacheKey.of(full);
            Random vectors = new Random(3);
            for (int i = 0; i < settings.maxEntriesPerKey(); i++) {
                cache.store("full", "c", fullKey, full.freeText() + " " + i, "", full.constraints(), unitVector(vectors), List.of(1L, 2L, 3L),
                        List.of(0.5, 0.4, 0.3), 3);
            }
            float[] other = unitVector(vectors);
            Histogram fullSame = new Histogram(60_000_000L, 3);
            Histogram fullOther = new Histogram(60_000_000L, 3);
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                cache.lookup("full", fullKey, full.freeText() + " 7", "", () -> other);
                fullSame.recordValue(micros(t));
                t = System.nanoTime();
                cache.lookup("full", fullKey, "other words", "", () -> other);
                fullOther.recordValue(micros(t));
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
            System.out.printf(Locale.ROOT, "cached   CPU time of the calling thread p50=%.2f ms p99=%.2f ms (what a hit costs without waiting for a core)%n",
                    ms(hitCpu, 50), ms(hitCpu, 99));
            System.out.printf(Locale.ROOT, "uncached p50=%.2f ms p99=%.2f ms max=%.2f ms (n=%d)%n", missLatency.getValueAtPercentile(50) / 1e3,
                    missLatency.getValueAtPercentile(99) / 1e3, missLatency.getMaxValue() / 1e3, missLatency.getTotalCount());
            System.out.printf(Locale.ROOT, "parts of a hit (p50/p99 ms, n=%d): reading the text %.2f/%.2f; key %.2f/%.2f; cache lookup (Redis%s) %.2f/%.2f; "
                            + "page re-read from PostgreSQL %.2f/%.2f; embedding the free text, which the exact path skips, would cost %.2f/%.2f%n",
                    readPart.getTotalCount(), ms(readPart, 50), ms(readPart, 99), ms(keyPart, 50), ms(keyPart, 99),
                    embedded == 0 ? ", nothing embedded" : ", " + embedded + " embedded", ms(cachePart, 50), ms(cachePart, 99),
                    ms(pagePart, 50), ms(pagePart, 99), ms(embedPart, 50), ms(embedPart, 99));
            System.out.printf(Locale.ROOT, "a key holding %d answers: lookup of the same words p50=%.2f ms p99=%.2f ms; of other words (all %d compared) p50=%.2f ms p99=%.2f ms%n",
                    settings.maxEntriesPerKey(), ms(fullSame, 50), ms(fullSame, 99), settings.maxEntriesPerKey(), ms(fullOther, 50), ms(fullOther, 99));
            // a hit avoids the answer and the search; one on the very same words avoids the embedding too
            double avoided = hitRate * 1000 * (answerUsd + searchUsd) + (double) sameTextHits / queries * 1000 * embedUsd;
            double uncachedCost = 1000 * (answerUsd + searchUsd + embedUsd);
            System.out.printf(Locale.ROOT, "costAvoidedPer1000=$%.4f of $%.4f (a hit avoids one LLM answer at $%s and one search at $%s; "
                            + "%d of %d hits were the very same words and avoided the embedding at $%s too)%n",
                    avoided, uncachedCost, answerUsd, searchUsd, sameTextHits, hits, embedUsd);
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

    private static float[] unitVector(Random random) {
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
        return v;
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
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
