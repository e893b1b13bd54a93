package com.jorge.platform.search.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.search.SearchFixture;
import com.jorge.platform.search.listing.KingCountyListings;
import com.jorge.platform.search.listing.Listing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The judged set (src/test/resources/search/judged-queries.tsv, 66 queries, EN and ES, written
 * before tuning): precision@10, nDCG@10 and the constraint-violation rate, which must be zero.
 * Writes the per-query report to target/search-relevance.txt.
 */
class RelevanceEvaluationTest {

    private static final int K = 10;

    @Test
    void judgedQueries() throws IOException {
        List<JudgedQuery> judged = JudgedQuery.load("/search/judged-queries.tsv", SearchFixture.places());
        List<Listing> sample = KingCountyListings.sample();
        List<String> report = new ArrayList<>();
        double precision = 0;
        double ndcg = 0;
        int scored = 0;
        int results = 0;
        int violations = 0;
        try (SearchFixture.Loaded db = SearchFixture.load("relevance")) {
            for (JudgedQuery q : judged) {
                Set<Long> relevant = sample.stream().filter(l -> q.hard().test(l) && q.soft().test(l))
                        .map(Listing::id).collect(Collectors.toSet());
                SearchPage page = db.search().search(SearchFixture.reader().read(q.query()), K);
                int broken = (int) page.hits().stream().filter(h -> !q.hard().test(h.listing())).count();
                results += page.hits().size();
                violations += broken;
                if (relevant.isEmpty()) {
                    report.add(String.format(Locale.ROOT, "%-60s relevant=0 results=%d violations=%d (not scored)", q.query(), page.hits().size(), broken));
                    continue;
                }
                double dcg = 0;
                int found = 0;
                for (int i = 0; i < page.hits().size(); i++) {
                    if (relevant.contains(page.hits().get(i).listing().id())) {
                        found++;
                        dcg += 1 / log2(i + 2);
                    }
                }
                double idcg = 0;
                for (int i = 0; i < Math.min(K, relevant.size()); i++) {
                    idcg += 1 / log2(i + 2);
                }
                double p = (double) found / Math.min(K, relevant.size());
                precision += p;
                ndcg += dcg / idcg;
                scored++;
                report.add(String.format(Locale.ROOT, "%-60s relevant=%d results=%d p@10=%.2f ndcg@10=%.2f violations=%d",
                        q.query(), relevant.size(), page.hits().size(), p, dcg / idcg, broken));
            }
        }
        String summary = String.format(Locale.ROOT, "queries=%d scored=%d precision@10=%.3f nDCG@10=%.3f results=%d violationRate=%.4f",
                judged.size(), scored, precision / scored, ndcg / scored, results, (double) violations / results);
        report.add(summary);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "search-relevance.txt"), report);
        System.out.println(summary);

        assertThat(judged).hasSizeGreaterThanOrEqualTo(60);
        assertThat(violations).as("results that break a hard constraint").isZero();
        // measured 0.865 and 0.830 when the set was first scored; the floors catch a ranking that falls apart
        assertThat(precision / scored).as("precision@10").isGreaterThan(0.75);
        assertThat(ndcg / scored).as("nDCG@10").isGreaterThan(0.70);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
