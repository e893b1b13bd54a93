package com.jorge.platform.infra;

import static com.jorge.platform.infra.TemplateJson.only;
import static com.jorge.platform.infra.TemplateJson.resources;
import static com.jorge.platform.infra.TemplateJson.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Business intelligence as deployed (issue 15): the bi-api's two routes on the platform's HTTP API behind the
 * inbox pool's JWT authorizer, the function checking the same pool's tokens, and the daily report writing into a
 * private, encrypted bucket it may only add pages to.
 */
class BiStackTest {
    private static JsonNode bi;
    private static JsonNode inbox;

    @BeforeAll
    static void synth() {
        bi = SynthesizedPlatform.prod().json("Bi");
        inbox = SynthesizedPlatform.prod().json("Inbox");
    }

    @Test
    void theReportRoutesAreOnThePlatformsApiBehindTheInboxPoolsAuthorizer() {
        Map<String, JsonNode> routes = new TreeMap<>();
        resources(bi, "AWS::ApiGatewayV2::Route").values().forEach(r -> routes.put(r.path("Properties").path("RouteKey").asText(), r));
        assertThat(routes).containsOnlyKeys("GET /bi/report", "GET /bi/report.json", "GET /bi/report/link");
        // the authorizer the inbox's API routes use (one in the whole app), exported from the Inbox stack
        String inboxAuthorizer = resources(inbox, "AWS::ApiGatewayV2::Authorizer").keySet().iterator().next();
        assertThat(resources(bi, "AWS::ApiGatewayV2::Authorizer")).as("no second authorizer").isEmpty();
        for (JsonNode route : routes.values()) {
            JsonNode p = route.path("Properties");
            assertThat(p.path("AuthorizationType").asText()).isEqualTo("JWT");
            assertThat(p.path("AuthorizerId").toString()).contains("Jorge-prod-Inbox").contains(inboxAuthorizer);
            assertThat(p.path("ApiId").toString()).contains("Jorge-prod-Functions").contains("WebhookApi");
        }
        JsonNode integration = only(bi, "AWS::ApiGatewayV2::Integration").path("Properties");
        assertThat(integration.path("PayloadFormatVersion").asText()).isEqualTo("2.0");
        assertThat(integration.path("IntegrationUri").toString()).contains("BiApiLive"); // the canary-deployed alias
    }

    @Test
    void theApiChecksTheSamePoolsTokensAgainAndReadsTheDatabaseBySecret() {
        JsonNode fn = withProperty(bi, "AWS::Lambda::Function", "FunctionName", "jorge-bi-api").path("Properties");
        assertThat(fn.path("Handler").asText()).isEqualTo("com.jorge.platform.biapi.BiApiHandler::handleRequest");
        JsonNode env = fn.path("Environment").path("Variables");
        assertThat(env.path("BI_API_ISSUER").toString()).contains("https://cognito-idp.us-east-1.amazonaws.com/")
                .contains("Jorge-prod-Inbox").contains("Users");
        assertThat(env.path("BI_API_CLIENT_ID").toString()).contains("PageClient");
        assertThat(env.path("BI_API_TOKEN_MAX_MINUTES").asText()).isEqualTo("15");
        assertThat(env.path("DATABASE_SECRET_ARN").isMissingNode()).isFalse();
        // the rate limits' buckets: the platform's Redis cluster, its AUTH token by secret
        assertThat(env.path("REDIS_CLUSTER").asText()).isEqualTo("true");
        assertThat(env.path("REDIS_URL").isMissingNode()).isFalse();
        assertThat(env.path("REDIS_AUTH_SECRET_ARN").isMissingNode()).isFalse();
        assertThat(fn.path("VpcConfig").path("SubnetIds").size()).isPositive();
        assertThat(fn.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        // the phone link: the daily report's bucket and prefix, 15 minutes, and the role may only read pages there
        assertThat(TemplateJson.references(env.path("BI_REPORT_BUCKET"))).anySatisfy(ref -> assertThat(ref).startsWith("Reports"));
        assertThat(env.path("BI_REPORT_PREFIX").asText()).isEqualTo("bi-reports/");
        assertThat(env.path("BI_REPORT_LINK_MINUTES").asText()).isEqualTo("15");
        assertThat(s3Grants(fn.path("Role").path("Fn::GetAtt").get(0).asText())).singleElement().asString()
                .startsWith("s3:GetObject ").contains("/bi-reports/*");
    }

    @Test
    void theReportBucketIsPrivateEncryptedTlsOnlyLoggedAndExpires() {
        JsonNode bucket = only(bi, "AWS::S3::Bucket").path("Properties");
        assertThat(bucket.path("BucketEncryption").toString()).contains("aws:kms").contains("BucketKeyEnabled");
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String field : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(block.path(field).asBoolean()).as(field).isTrue();
        }
        assertThat(bucket.path("LoggingConfiguration").path("LogFilePrefix").asText()).isEqualTo("bi-reports/");
        assertThat(bucket.path("LifecycleConfiguration").path("Rules").get(0).path("ExpirationInDays").asInt()).isEqualTo(430);
        String policy = only(bi, "AWS::S3::BucketPolicy").path("Properties").path("PolicyDocument").toString();
        assertThat(policy).contains("aws:SecureTransport").contains("Deny");
    }

    @Test
    void theDailyReportRunsOnceADayAndMayOnlyAddPagesUnderItsPrefix() {
        JsonNode daily = withProperty(bi, "AWS::Lambda::Function", "FunctionName", "jorge-bi-daily-report");
        JsonNode props = daily.path("Properties");
        assertThat(props.path("Handler").asText()).isEqualTo("com.jorge.platform.bi.daily.DailyReportHandler::handleRequest");
        JsonNode env = props.path("Environment").path("Variables");
        assertThat(TemplateJson.references(env.path("BI_REPORT_BUCKET"))).anySatisfy(ref -> assertThat(ref).startsWith("Reports"));
        assertThat(env.path("BI_REPORT_PREFIX").asText()).isEqualTo("bi-reports/");

        JsonNode rule = withProperty(bi, "AWS::Events::Rule", "ScheduleExpression", "cron(0 11 * * ? *)").path("Properties");
        assertThat(rule.path("Targets").toString()).contains("BiDailyReportLive");

        assertThat(s3Grants(props.path("Role").path("Fn::GetAtt").get(0).asText())).singleElement().asString()
                .startsWith("s3:PutObject ").contains("/bi-reports/*");
    }

    /** The S3 actions a role's policies in the Bi stack allow, with their resources. */
    private static List<String> s3Grants(String role) {
        List<String> grants = new ArrayList<>();
        for (JsonNode policy : resources(bi, "AWS::IAM::Policy").values()) {
            if (!policy.path("Properties").path("Roles").toString().contains(role)) continue;
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                List<String> actions = new ArrayList<>();
                JsonNode a = statement.path("Action");
                if (a.isArray()) a.forEach(x -> actions.add(x.asText())); else actions.add(a.asText());
                for (String action : actions) {
                    if (action.startsWith("s3:")) grants.add(action + " " + statement.path("Resource"));
                }
            }
        }
        return grants;
    }
}
