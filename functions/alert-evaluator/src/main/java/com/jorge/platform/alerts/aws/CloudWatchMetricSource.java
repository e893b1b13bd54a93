package com.jorge.platform.alerts.aws;

import com.jorge.platform.alerts.MetricSource;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.AlertRule;
import com.jorge.platform.alerts.rules.MetricQuery;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All rules' metrics in one GetMetricData request (up to 500 queries, CloudWatch's limit per call; more
 * rules take more calls), following NextToken across pages and merging each query's pages.
 */
public final class CloudWatchMetricSource implements MetricSource {

    static final int MAX_QUERIES_PER_CALL = 500;
    private final CloudWatchClient cloudWatch;

    public CloudWatchMetricSource(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Map<String, MetricSeries> fetch(List<AlertRule> rules, Instant start, Instant end) {
        Map<String, MetricSeries> out = new HashMap<>();
        for (int from = 0; from < rules.size(); from += MAX_QUERIES_PER_CALL) {
            List<AlertRule> chunk = rules.subList(from, Math.min(rules.size(), from + MAX_QUERIES_PER_CALL));
            out.putAll(fetchChunk(chunk, start, end));
        }
        return out;
    }

    private Map<String, MetricSeries> fetchChunk(List<AlertRule> rules, Instant start, Instant end) {
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, String> ruleById = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String id = "q" + i; // query ids must start with a lower-case letter
            ruleById.put(id, rules.get(i).name());
            queries.add(query(id, rules.get(i).metric()));
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder()
                .metricDataQueries(queries).startTime(start).endTime(end)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
        Map<String, TreeMap<Instant, Double>> points = new HashMap<>();
        for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
            for (MetricDataResult result : page.metricDataResults()) {
                TreeMap<Instant, Double> series = points.computeIfAbsent(result.id(), k -> new TreeMap<>());
                List<Instant> ts = result.timestamps();
                List<Double> vs = result.values();
                for (int i = 0; i < Math.min(ts.size(), vs.size()); i++) series.put(ts.get(i), vs.get(i));
            }
        }
        Map<String, MetricSeries> out = new HashMap<>();
        ruleById.forEach((id, rule) -> {
            TreeMap<Instant, Double> series = points.getOrDefault(id, new TreeMap<>());
            out.put(rule, MetricSeries.of(new ArrayList<>(series.keySet()), new ArrayList<>(series.values())));
        });
        return out;
    }

    private static MetricDataQuery query(String id, MetricQuery metric) {
        List<Dimension> dimensions = metric.dimensions().entrySet().stream()
                .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(Metric.builder().namespace(metric.namespace()).metricName(metric.name()).dimensions(dimensions).build())
                        .period(metric.periodSeconds()).stat(metric.statistic()).build())
                .build();
    }
}
