package com.jorge.platform.biapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What S3 checks on a presigned GET and S3Mock (5.2) does not: the link has not expired (X-Amz-Date +
 * X-Amz-Expires), it was signed with the key S3 knows, and nothing in it changed since (the signature, recomputed
 * with the SDK's own SigV4 signer at the link's signing time). A link that passes is served from S3Mock.
 */
final class CheckingS3Front implements AutoCloseable {

    private static final Set<String> AUTH_PARAMS = Set.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
            "X-Amz-SignedHeaders", "X-Amz-Signature");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final URI s3;
    private final AwsCredentialsIdentity key;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    CheckingS3Front(URI s3, AwsCredentialsIdentity key, Clock clock) throws IOException {
        this.s3 = s3;
        this.key = key;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String refused = refusal(exchange, query);
            if (refused != null) {
                byte[] body = ("<Error><Code>" + refused + "</Code></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(403, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(s3.resolve(exchange.getRequestURI().getRawPath())).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            served.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(served.statusCode(), served.body().length == 0 ? -1 : served.body().length);
            exchange.getResponseBody().write(served.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** S3's error code for a link it would refuse, or null. */
    private String refusal(HttpExchange exchange, Map<String, String> query) {
        if (!exchange.getRequestMethod().equals("GET") || !query.keySet().containsAll(AUTH_PARAMS)) return "AccessDenied";
        String[] scope = query.get("X-Amz-Credential").split("/");
        if (scope.length != 5 || !scope[0].equals(key.accessKeyId())) return "InvalidAccessKeyId";
        Instant signedAt = Instant.from(AMZ_DATE.parse(query.get("X-Amz-Date")));
        Duration expires = Duration.ofSeconds(Long.parseLong(query.get("X-Amz-Expires")));
        if (clock.instant().isAfter(signedAt.plus(expires))) return "AccessDenied: Request has expired";
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http")
                .host("127.0.0.1").port(server.getAddress().getPort()).encodedPath(exchange.getRequestURI().getRawPath())
                .putHeader("Host", exchange.getRequestHeaders().getFirst("Host"));
        query.forEach((name, value) -> {
            if (!AUTH_PARAMS.contains(name)) unsigned.appendRawQueryParameter(name, value);
        });
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(key).request(unsigned.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scope[3]).putProperty(AwsV4HttpSigner.REGION_NAME, scope[2])
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false).putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)).request();
        String expected = signed.firstMatchingRawQueryParameter("X-Amz-Signature").orElse("");
        return expected.equals(query.get("X-Amz-Signature")) ? null : "SignatureDoesNotMatch";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
