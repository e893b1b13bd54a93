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
 * The agents' inbox as deployed (issue 14): a closed Cognito pool with the three groups and 15-minute
 * tokens, the inbox's routes on the platform's one HTTP API (its API behind the pool's JWT authorizer),
 * the offers function on the AgentNotifications topic, and the inbox answering only the task tokens of
 * the two workflows that wait for a person.
 */
class InboxStackTest {
    private static JsonNode inbox;

    @BeforeAll
    static void synth() {
        inbox = SynthesizedPlatform.prod().json("Inbox");
    }

    @Test
    void onlyInvitedPeopleSignInWithStrongPasswordsAndTotp() {
        JsonNode pool = only(inbox, "AWS::Cognito::UserPool").path("Properties");
        assertThat(pool.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean()).isTrue();
        assertThat(pool.path("MfaConfiguration").asText()).isEqualTo("OPTIONAL");
        assertThat(pool.path("EnabledMfas").toString()).contains("SOFTWARE_TOKEN_MFA").doesNotContain("SMS_MFA");
        assertThat(pool.path("Policies").path("PasswordPolicy").path("MinimumLength").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(pool.path("DeletionProtection").asText()).isEqualTo("ACTIVE");
        assertThat(pool.path("UserPoolTier").asText()).isEqualTo("PLUS");

        Map<Integer, String> groups = new TreeMap<>();
        resources(inbox, "AWS::Cognito::UserPoolGroup").values()
                .forEach(g -> groups.put(g.path("Properties").path("Precedence").asInt(), g.path("Properties").path("GroupName").asText()));
        // the inbox's Role takes the strongest group; Cognito's precedence says the same (lower wins)
        assertThat(groups.values()).containsExactly("admin", "team_lead", "agent");
    }

    @Test
    void anAdminWithoutTotpGetsNoTokenFromThePoolsPreTokenTrigger() {
        JsonNode pool = only(inbox, "AWS::Cognito::UserPool").path("Properties");
        assertThat(pool.path("LambdaConfig").path("PreTokenGeneration").toString()).contains("AdminMfaLive");
        JsonNode fn = withProperty(inbox, "AWS::Lambda::Function", "FunctionName", "jorge-inbox-admin-mfa").path("Properties");
        assertThat(fn.path("Handler").asText()).isEqualTo("com.jorge.platform.inbox.AdminMfaHandler::handleRequest");
        assertThat(fn.path("Timeout").asInt()).as("Cognito waits 5 s for a trigger").isLessThanOrEqualTo(5);
        // Cognito may invoke the live alias, for this pool only
        JsonNode invoke = resources(inbox, "AWS::Lambda::Permission").values().stream()
                .filter(p -> p.path("Properties").path("Principal").asText().equals("cognito-idp.amazonaws.com"))
                .findFirst().orElseThrow().path("Properties");
        assertThat(invoke.path("FunctionName").toString()).contains("AdminMfaLive");
        assertThat(invoke.path("SourceArn").toString()).contains("Users");
        // it reads the users' MFA settings of this pool, and may do nothing else in Cognito
        List<String> cognito = new ArrayList<>();
        for (JsonNode policy : resources(inbox, "AWS::IAM::Policy").values()) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                if (statement.path("Action").toString().contains("cognito-idp:")) {
                    cognito.add(statement.path("Action").asText() + " " + statement.path("Resource")
                            + " " + policy.path("Properties").path("Roles"));
                }
            }
        }
        assertThat(cognito).singleElement().satisfies(grant -> assertThat(grant).startsWith("cognito-idp:AdminGetUser ")
                .contains("Users").contains("Arn").contains("AdminMfa").doesNotContain("*"));
    }

    @Test
    void thePagesClientHasNoSecretAndFifteenMinuteTokens() {
        JsonNode client = only(inbox, "AWS::Cognito::UserPoolClient").path("Properties");
        assertThat(client.path("GenerateSecret").asBoolean(false)).isFalse();
        assertThat(client.path("AccessTokenValidity").asInt()).isEqualTo(15);
        assertThat(client.path("IdTokenValidity").asInt()).isEqualTo(15);
        assertThat(client.path("TokenValidityUnits").path("AccessToken").asText()).isEqualTo("minutes");
        assertThat(client.path("ExplicitAuthFlows").toString()).contains("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client.path("PreventUserExistenceErrors").asText()).isEqualTo("ENABLED");
        assertThat(client.path("AllowedOAuthFlowsUserPoolClient").asBoolean(false)).as("no hosted-UI or implicit grant").isFalse();
        assertThat(client.path("AllowedOAuthFlows").toString()).doesNotContain("implicit");

        JsonNode fn = withProperty(inbox, "AWS::Lambda::Function", "FunctionName", "jorge-agent-inbox").path("Properties");
        JsonNode env = fn.path("Environment").path("Variables");
        assertThat(env.path("ACCESS_TOKEN_MAX_MINUTES").asText()).isEqualTo("15");
        assertThat(env.path("COGNITO_CLIENT_ID").toString()).contains("PageClient");
        // what Cognito writes in iss: https://cognito-idp.<region>.amazonaws.com/<pool id>
        assertThat(env.path("COGNITO_ISSUER").toString()).contains("https://cognito-idp.us-east-1.amazonaws.com/").contains("Users");
        assertThat(fn.path("Handler").asText()).isEqualTo("com.jorge.platform.inbox.InboxHandler::handleRequest");
    }

    @Test
    void theInboxRoutesAreOnThePlatformsApiAndItsApiNeedsAPoolToken() {
        List<String> open = new ArrayList<>();
        List<String> authorized = new ArrayList<>();
        for (JsonNode route : resources(inbox, "AWS::ApiGatewayV2::Route").values()) {
            JsonNode p = route.path("Properties");
            assertThat(p.path("ApiId").toString()).as("the existing HTTP API, from the functions stack").contains("Jorge-prod-Functions")
                    .contains("WebhookApi");
            if ("JWT".equals(p.path("AuthorizationType").asText())) authorized.add(p.path("RouteKey").asText());
            else open.add(p.path("RouteKey").asText());
        }
        assertThat(authorized).containsExactlyInAnyOrder("GET /inbox/api/{proxy+}", "POST /inbox/api/{proxy+}");
        assertThat(open).containsExactlyInAnyOrder("GET /inbox", "GET /inbox/{proxy+}");
        JsonNode authorizer = only(inbox, "AWS::ApiGatewayV2::Authorizer").path("Properties");
        assertThat(authorizer.path("AuthorizerType").asText()).isEqualTo("JWT");
        assertThat(authorizer.path("JwtConfiguration").path("Audience").toString()).contains("PageClient");
        assertThat(authorizer.path("JwtConfiguration").path("Issuer").toString()).contains("https://cognito-idp.us-east-1.amazonaws.com/");
        // the integration calls the live alias (canary deployments), with payload 2.0
        JsonNode integration = only(inbox, "AWS::ApiGatewayV2::Integration").path("Properties");
        assertThat(integration.path("PayloadFormatVersion").asText()).isEqualTo("2.0");
        assertThat(integration.path("IntegrationUri").toString()).contains("AgentInboxLive");
    }

    @Test
    void theOffersFunctionListensOnTheAgentNotificationsTopic() {
        JsonNode subscription = only(inbox, "AWS::SNS::Subscription").path("Properties");
        assertThat(subscription.path("Protocol").asText()).isEqualTo("lambda");
        assertThat(subscription.path("TopicArn").toString()).contains("AgentNotifications");
        assertThat(subscription.path("Endpoint").toString()).contains("AgentInboxOffersLive");
        JsonNode fn = withProperty(inbox, "AWS::Lambda::Function", "FunctionName", "jorge-agent-inbox-offers").path("Properties");
        assertThat(fn.path("Handler").asText()).isEqualTo("com.jorge.platform.inbox.OfferNoticeHandler::handleRequest");
    }

    @Test
    void theInboxAnswersOnlyTheHandoffAndApprovalTaskTokensAndStartsNothing() {
        List<String> stepFunctions = new ArrayList<>();
        for (JsonNode policy : resources(inbox, "AWS::IAM::Policy").values()) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                List<String> actions = new ArrayList<>();
                JsonNode a = statement.path("Action");
                if (a.isArray()) a.forEach(x -> actions.add(x.asText())); else actions.add(a.asText());
                for (String action : actions) {
                    if (action.startsWith("states:")) stepFunctions.add(action + " " + statement.path("Resource"));
                }
            }
        }
        assertThat(stepFunctions).hasSize(2).allSatisfy(g -> assertThat(g)
                .contains("jorge-hot-lead-handoff").contains("jorge-approval").doesNotContain("jorge-lead-nurture", "model-promotion"));
        assertThat(stepFunctions).anySatisfy(g -> assertThat(g).startsWith("states:SendTaskSuccess"));
        assertThat(stepFunctions).anySatisfy(g -> assertThat(g).startsWith("states:SendTaskFailure"));
        assertThat(String.join("\n", stepFunctions)).doesNotContain("StartExecution", "states:*");
    }

    @Test
    void theInboxReadsTheAuditArchiveForAnExportAndMayNotWriteOrDeleteThere() {
        JsonNode fn = withProperty(inbox, "AWS::Lambda::Function", "FunctionName", "jorge-agent-inbox").path("Properties");
        JsonNode env = fn.path("Environment").path("Variables");
        assertThat(env.path("AUDIT_ARCHIVE_BUCKET").toString()).contains("AuditArchiveBucket");
        assertThat(env.path("AUDIT_ARCHIVE_PREFIX").asText()).isEqualTo("audit");
        List<String> s3 = new ArrayList<>();
        for (JsonNode policy : resources(inbox, "AWS::IAM::Policy").values()) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                JsonNode a = statement.path("Action");
                List<String> actions = new ArrayList<>();
                if (a.isArray()) a.forEach(x -> actions.add(x.asText())); else actions.add(a.asText());
                for (String action : actions) {
                    if (action.startsWith("s3:")) s3.add(action + " " + statement.path("Resource") + statement.path("Condition"));
                }
            }
        }
        // the stack's only S3 grants (the offers and MFA functions have none): read under audit/, nothing else
        assertThat(s3).hasSize(2);
        assertThat(s3).anySatisfy(g -> assertThat(g).startsWith("s3:GetObject").contains("AuditArchiveBucket").contains("/audit/*"));
        assertThat(s3).anySatisfy(g -> assertThat(g).startsWith("s3:ListBucket").contains("audit/*"));
    }

    @Test
    void theWorkerMayStartTheApprovalWorkflow() {
        JsonNode functions = SynthesizedPlatform.prod().json("Functions");
        JsonNode env = withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-bot-worker")
                .path("Properties").path("Environment").path("Variables");
        assertThat(env.path("APPROVAL_STATE_MACHINE_ARN").toString()).contains("jorge-approval");
        boolean granted = false;
        for (JsonNode policy : resources(functions, "AWS::IAM::Policy").values()) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                if ("StartHandoffAndNurture".equals(statement.path("Sid").asText())) {
                    granted = statement.path("Resource").toString().contains("jorge-approval");
                }
            }
        }
        assertThat(granted).isTrue();
    }

    @Test
    void theInboxMayQueueABulkReEngagementOnLeadEventsAndNothingElse() {
        JsonNode fn = withProperty(inbox, "AWS::Lambda::Function", "FunctionName", "jorge-agent-inbox").path("Properties");
        assertThat(fn.path("Environment").path("Variables").path("LEAD_EVENTS_QUEUE_URL").toString()).contains("LeadEvents");
        JsonNode offers = withProperty(inbox, "AWS::Lambda::Function", "FunctionName", "jorge-agent-inbox-offers").path("Properties");
        assertThat(offers.path("Environment").path("Variables").path("LEAD_EVENTS_QUEUE_URL").isMissingNode()).isTrue();
        List<String> sqs = new ArrayList<>();
        for (JsonNode policy : resources(inbox, "AWS::IAM::Policy").values()) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                JsonNode a = statement.path("Action");
                List<String> actions = new ArrayList<>();
                if (a.isArray()) a.forEach(x -> actions.add(x.asText())); else actions.add(a.asText());
                for (String action : actions) {
                    if (action.startsWith("sqs:")) {
                        sqs.add(action + " " + statement.path("Resource") + " " + policy.path("Properties").path("Roles"));
                    }
                }
            }
        }
        assertThat(sqs).isNotEmpty().allSatisfy(g -> assertThat(g).contains("LeadEvents").contains("AgentInbox")
                .doesNotContain("AgentInboxOffers").doesNotContain("Dlq"));
        assertThat(String.join("\n", sqs)).contains("sqs:SendMessage")
                .doesNotContain("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:PurgeQueue", "sqs:*");
    }
}
