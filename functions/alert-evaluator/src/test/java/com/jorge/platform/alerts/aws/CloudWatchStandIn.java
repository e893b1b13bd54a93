package com.jorge.platform.alerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudWatch's GetMetricData as the SDK 2.41 client speaks it: Smithy RPC v2 CBOR (POST
 * /service/GraniteServiceVersion20100801/operation/GetMetricData, CBOR bodies, timestamps as CBOR tag 1 epoch
 * seconds, a smithy-protocol response header). Metrics are put in by tests; each page returns at most
 * {@code pageSize} points of every query and a NextToken while any remain, as CloudWatch's PartialData does.
 */
final class CloudWatchStandIn implements AutoCloseable {

    static final String PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private final Map<String, TreeMap<Long, Double>> metrics = new ConcurrentHashMap<>();
    private final int pageSize;
    private final StandInServer server;
    private volatile String failWith;

    CloudWatchStandIn(int pageSize) {
        this.pageSize = pageSize;
        this.server = new StandInServer(this::answer);
    }

    /** Puts a datapoint for the metric identified by namespace, name, statistic and dimensions. */
    void put(String namespace, String name, String stat, Map<String, String> dimensions, long epochSeconds, double value) {
        metrics.computeIfAbsent(key(namespace, name, stat, new TreeMap<>(dimensions)), k -> new TreeMap<>()).put(epochSeconds, value);
    }

    void clear() {
        metrics.clear();
    }

    /** Makes every following call fail with this CloudWatch error code (null: answer normally). */
    void failWith(String errorCode) {
        this.failWith = errorCode;
    }

    CloudWatchClient client() {
        return CloudWatchClient.builder().endpointOverride(server.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    List<StandInServer.Request> requests() {
        return server.requests();
    }

    static JsonNode body(StandInServer.Request request) {
        try {
            return CBOR.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StandInServer.Response answer(StandInServer.Request request) {
        if (!request.method().equals("POST") || !request.path().equals(PATH)) {
            return error(404, "UnknownOperationException", "no operation at " + request.path());
        }
        if (!"rpc-v2-cbor".equals(request.header("smithy-protocol"))) {
            return error(400, "InvalidParameterValueException", "smithy-protocol header missing");
        }
        if (failWith != null) return error(400, failWith, "stand-in told to fail");
        JsonNode in = body(request);
        long start = in.get("StartTime").asLong();
        long end = in.get("EndTime").asLong();
        int page = in.hasNonNull("NextToken") ? Integer.parseInt(in.get("NextToken").asText().substring("page-".length())) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean more = false;
        try (CBORGenerator g = (CBORGenerator) CBOR.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataResults");
            g.writeStartArray();
            for (JsonNode q : in.get("MetricDataQueries")) {
                JsonNode stat = q.get("MetricStat");
                JsonNode metric = stat.get("Metric");
                TreeMap<String, String> dims = new TreeMap<>();
                for (JsonNode d : metric.path("Dimensions")) dims.put(d.get("Name").asText(), d.get("Value").asText());
                TreeMap<Long, Double> points = metrics.getOrDefault(
                        key(metric.get("Namespace").asText(), metric.get("MetricName").asText(), stat.get("Stat").asText(), dims), new TreeMap<>());
                List<Map.Entry<Long, Double>> inRange = new ArrayList<>(points.subMap(start, true, end, false).entrySet());
                int from = Math.min(inRange.size(), page * pageSize);
                int to = Math.min(inRange.size(), from + pageSize);
                boolean partial = to < inRange.size();
                more |= partial;
                g.writeStartObject();
                g.writeStringField("Id", q.get("Id").asText());
                g.writeStringField("Label", metric.get("MetricName").asText());
                g.writeStringField("StatusCode", partial ? "PartialData" : "Complete");
                g.writeFieldName("Timestamps");
                g.writeStartArray();
                for (var p : inRange.subList(from, to)) {
                    g.writeTag(1); // CBOR epoch-seconds timestamp
                    g.writeNumber(p.getKey().doubleValue());
                }
                g.writeEndArray();
                g.writeFieldName("Values");
                g.writeStartArray();
                for (var p : inRange.subList(from, to)) g.writeNumber(p.getValue());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (more) g.writeStringField("NextToken", "page-" + (page + 1));
            g.writeFieldName("Messages");
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StandInServer.Response(200, "application/cbor", Map.of("smithy-protocol", "rpc-v2-cbor"), out.toByteArray());
    }

    private static StandInServer.Response error(int status, String code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = (CBORGenerator) CBOR.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("__type", "com.amazonaws.cloudwatch#" + code);
            g.writeStringField("message", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StandInServer.Response(status, "application/cbor", Map.of("smithy-protocol", "rpc-v2-cbor"), out.toByteArray());
    }

    private static String key(String namespace, String name, String stat, TreeMap<String, String> dims) {
        return namespace + "|" + name + "|" + stat + "|" + dims;
    }

    @Override
    public void close() {
        server.close();
    }
}
