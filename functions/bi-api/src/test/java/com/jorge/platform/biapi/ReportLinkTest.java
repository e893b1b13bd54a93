package com.jorge.platform.biapi;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.LocalCognito;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GET /bi/report/link: a team lead of the location gets a presigned S3 link (the real SDK presigner) to the
 * location's latest daily page, which a browser opens with no token until it expires. S3Mock holds the pages;
 * {@link CheckingS3Front} refuses, as S3 does, an expired link and one changed after signing.
 */
class ReportLinkTest {

    static final String BUCKET = "jorge-bi-reports";
    static final String PAGE = "<!doctype html><title>loc-a</title><p>What the bots earned</p>";
    static final AwsBasicCredentials KEY = AwsBasicCredentials.create("AKIDLOCALTEST", "local-secret-for-tests");

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets(BUCKET).build();

    static BiApiRig rig;
    static LocalCognito cognito;
    static LocalCognito.User lead, agent, otherLead;
    static Map<String, String> env;
    static CheckingS3Front front;
    static S3Client s3;
    static final HttpClient browser = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        rig = new BiApiRig("bilinks", "loc-a", "loc-b", "loc-new");
        cognito = rig.cognito;
        lead = rig.user("lead@team.example", "team_lead");
        agent = rig.user("agent@team.example", "agent");
        otherLead = rig.user("other@team.example", "team_lead");
        rig.member(lead, "loc-a", "u-lead");
        rig.member(agent, "loc-a", "u-agent");
        rig.member(otherLead, "loc-b", "u-other");
        rig.member(lead, "loc-new", "u-lead");
        env = rig.settings();
        env.put("BI_REPORT_BUCKET", BUCKET);
        s3 = S3_MOCK.createS3ClientV2();
        // what the daily report wrote (DailyReports: <prefix><locationId>/latest.html)
        s3.putObject(b -> b.bucket(BUCKET).key("bi-reports/loc-a/latest.html").contentType("text/html; charset=utf-8"),
                RequestBody.fromString(PAGE));
        s3.putObject(b -> b.bucket(BUCKET).key("bi-reports/loc-b/latest.html").contentType("text/html; charset=utf-8"),
                RequestBody.fromString("<!doctype html><title>loc-b</title>"));
        front = new CheckingS3Front(URI.create(S3_MOCK.getServiceEndpoint()), KEY, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        front.close();
        rig.close();
    }

    static S3Presigner presigner() {
        return S3Presigner.builder().region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(KEY))
                .endpointOverride(front.endpoint()).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    static BiApiHandler handler(Duration lifetime) {
        ReportLinks links = new S3ReportLinks(s3, presigner(), new ReportLinkSettings(BUCKET, null, lifetime));
        return new BiApiHandler(BiApiFunction.fromConfig(PlatformConfig.of(env), links, Clock.systemUTC()));
    }

    @Test
    void aTeamLeadGetsAFifteenMinuteLinkThatABrowserOpensWithoutAToken() throws Exception {
        ReportLinkSettings configured = ReportLinkSettings.fromConfig(PlatformConfig.of(env)).orElseThrow();
        assertThat(configured.lifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(configured.prefix()).isEqualTo("bi-reports/");
        Instant asked = Instant.now();
        APIGatewayV2HTTPResponse answer = get(handler(configured.lifetime()), "loc-a", "Bearer " + cognito.token(lead));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getHeaders()).containsEntry("Cache-Control", "no-store");
        JsonNode link = PlatformJson.mapper().readTree(answer.getBody());
        assertThat(Duration.between(asked, Instant.parse(link.path("expiresAt").asText())).toSeconds()).isBetween(14 * 60L, 15 * 60L + 5);
        String url = link.path("url").asText();
        assertThat(url).contains("/" + BUCKET + "/bi-reports/loc-a/latest.html?").contains("X-Amz-Expires=900").contains("X-Amz-Signature=");

        HttpResponse<String> page = open(url);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(PAGE);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void anotherLocationsLeadAnAgentAndNoTokenGetNoLink() {
        BiApiHandler handler = handler(Duration.ofMinutes(15));
        APIGatewayV2HTTPResponse other = get(handler, "loc-a", "Bearer " + cognito.token(otherLead));
        assertThat(other.getStatusCode()).isEqualTo(403);
        assertThat(other.getBody()).doesNotContain("http").doesNotContain("X-Amz");
        assertThat(get(handler, "loc-a", "Bearer " + cognito.token(agent)).getStatusCode()).isEqualTo(403);
        assertThat(get(handler, "loc-a", null).getStatusCode()).isEqualTo(401);
        assertThat(get(handler, null, "Bearer " + cognito.token(lead)).getStatusCode()).isEqualTo(400);
    }

    @Test
    void anExpiredLinkFailsAndSoDoesOneEditedToAnotherLocation() throws Exception {
        BiApiHandler handler = handler(Duration.ofSeconds(2));
        String url = PlatformJson.mapper().readTree(get(handler, "loc-a", "Bearer " + cognito.token(lead)).getBody()).path("url").asText();
        HttpResponse<String> edited = open(url.replace("/loc-a/", "/loc-b/"));
        assertThat(edited.statusCode()).isEqualTo(403);
        assertThat(edited.body()).contains("SignatureDoesNotMatch").doesNotContain("loc-b</title>");
        assertThat(open(url).statusCode()).as("fresh").isEqualTo(200);
        Thread.sleep(3_100);
        HttpResponse<String> expired = open(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("Request has expired").doesNotContain("What the bots earned");
    }

    @Test
    void beforeTheFirstDailyReportThereIsNoLink() {
        APIGatewayV2HTTPResponse answer = get(handler(Duration.ofMinutes(15)), "loc-new", "Bearer " + cognito.token(lead));
        assertThat(answer.getStatusCode()).isEqualTo(404);
        assertThat(answer.getBody()).contains("no daily report");
        // without a bucket configured the route has nothing to link to either
        APIGatewayV2HTTPResponse unconfigured = new BiApiHandler(BiApiFunction.fromConfig(PlatformConfig.of(env), ReportLinks.NONE,
                Clock.systemUTC())).handleRequest(event("loc-a", "Bearer " + cognito.token(lead)), null);
        assertThat(unconfigured.getStatusCode()).isEqualTo(404);
    }

    @Test
    void aLinkLifetimeOutsideOneMinuteToAWeekFailsAtStartNamingTheSetting() {
        for (String bad : new String[]{"0", "10081", "soon"}) {
            Map<String, String> config = new HashMap<>(env);
            config.put("BI_REPORT_LINK_MINUTES", bad);
            assertThatThrownBy(() -> ReportLinkSettings.fromConfig(PlatformConfig.of(config))).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("BI_REPORT_LINK_MINUTES");
        }
        Map<String, String> config = new HashMap<>(env);
        config.remove("BI_REPORT_BUCKET");
        assertThat(ReportLinkSettings.fromConfig(PlatformConfig.of(config))).isEmpty();
    }

    private static HttpResponse<String> open(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static APIGatewayV2HTTPResponse get(BiApiHandler handler, String locationId, String authorization) {
        return handler.handleRequest(event(locationId, authorization), null);
    }

    private static APIGatewayV2HTTPEvent event(String locationId, String authorization) {
        Map<String, String> params = new HashMap<>();
        if (locationId != null) params.put("locationId", locationId);
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) headers.put("Authorization", authorization);
        return APIGatewayV2HTTPEvent.builder().withRawPath("/bi/report/link").withQueryStringParameters(params).withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/bi/report/link").build()).build())
                .build();
    }
}
