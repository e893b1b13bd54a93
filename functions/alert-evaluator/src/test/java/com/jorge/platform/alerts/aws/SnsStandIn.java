package com.jorge.platform.alerts.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SNS Publish as the SDK speaks it: the awsQuery protocol (a form-encoded POST with Action=Publish and
 * Version=2010-03-31) answered with a PublishResponse XML document, or an ErrorResponse for unknown topics.
 */
final class SnsStandIn implements AutoCloseable {

    private final StandInServer server;
    private final String topicArn;
    private final List<Map<String, String>> published = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    SnsStandIn(String topicArn) {
        this.topicArn = topicArn;
        this.server = new StandInServer(this::answer);
    }

    SnsClient client() {
        return SnsClient.builder().endpointOverride(server.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Each accepted Publish as its form parameters. */
    List<Map<String, String>> published() {
        return List.copyOf(published);
    }

    /** While down, every call answers 500 InternalError. */
    void down(boolean down) {
        this.down = down;
    }

    private StandInServer.Response answer(StandInServer.Request request) {
        Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
        if (down) return error(500, "Receiver", "InternalError", "stand-in is down");
        if (!"Publish".equals(form.get("Action")) || !"2010-03-31".equals(form.get("Version"))) {
            return error(400, "Sender", "InvalidAction", "unsupported " + form.get("Action"));
        }
        if (!topicArn.equals(form.get("TopicArn"))) return error(404, "Sender", "NotFound", "Topic does not exist");
        published.add(form);
        String xml = """
                <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <PublishResult><MessageId>%s</MessageId></PublishResult>
                  <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>
                </PublishResponse>""".formatted(UUID.randomUUID(), UUID.randomUUID());
        return new StandInServer.Response(200, "text/xml", Map.of(), xml.getBytes(StandardCharsets.UTF_8));
    }

    private static StandInServer.Response error(int status, String type, String code, String message) {
        String xml = """
                <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>%s</RequestId>
                </ErrorResponse>""".formatted(type, code, message, UUID.randomUUID());
        return new StandInServer.Response(status, "text/xml", Map.of(), xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
