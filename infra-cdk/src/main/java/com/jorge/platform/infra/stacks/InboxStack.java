package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.RepositoryLayout;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.LogRetention;
import com.jorge.platform.infra.constructs.AuditArchive;
import com.jorge.platform.infra.constructs.CanaryFunction;
import com.jorge.platform.infra.constructs.CanaryFunctionSpec;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizerType;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteAuthorizerBindOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteAuthorizerConfig;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.constructs.Construct;

/**
 * The agents' and team leads' inbox (issue 14): the Cognito user pool they sign in to (groups admin,
 * team_lead, agent; 15-minute access tokens), λ agent-inbox on {@code /inbox/**} of the existing HTTP API
 * (the page public, {@code /inbox/api/**} behind the pool's JWT authorizer as well as the function's own
 * check), and λ agent-inbox-offers subscribed to the AgentNotifications topic, where the hand-off and
 * approval workflows publish what waits for a person. The inbox may answer only those two workflows'
 * task tokens.
 */
public final class InboxStack extends Stack {
    public static final String PAGE_PATH = "/inbox";
    public static final String API_PATH = "/inbox/api/{proxy+}";
    /** The Cognito groups, strongest first (the inbox's {@code Role}). */
    public static final List<String> GROUPS = List.of("admin", "team_lead", "agent");
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.minutes(15);

    private final UserPool users;
    private final UserPoolClient pageClient;
    private final CanaryFunction inbox;
    private final CanaryFunction offers;
    private final String issuer;
    private final HttpAuthorizer usersAuthorizer;
    private final CanaryFunction adminMfa;

    public InboxStack(Construct scope, String id, StackProps props, EnvironmentSettings config, RepositoryLayout layout,
                      NetworkStack network, DataStack data, FunctionsStack functions, WorkflowsStack workflows, AlertingStack alerting) {
        super(scope, id, props);
        // declared before any grant, so that KMS grants go to the functions' roles, not to the keys' policies
        addStackDependency(network);
        addStackDependency(data);
        addStackDependency(functions);
        addStackDependency(workflows);
        addStackDependency(alerting);
        var logRetention = LogRetention.days(config.logRetentionDays(), "logRetentionDays");
        var vpcAccess = new CanaryFunction.Network(network.vpc(), network.appSubnets(), network.functionsGroup());
        LambdaApplication application = LambdaApplication.Builder.create(this, "Deployments")
                .applicationName("jorge-inbox-" + config.name())
                .build();

        // --- who may sign in: invited people only; TOTP for whoever turns it on, required of admins (the AdminMfa trigger)
        users = UserPool.Builder.create(this, "Users")
                .userPoolName("jorge-inbox-" + config.name())
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12).requireDigits(true).requireLowercase(true).requireUppercase(true).requireSymbols(true)
                        .tempPasswordValidity(Duration.days(3))
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .deletionProtection("prod".equals(config.name()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (int i = 0; i < GROUPS.size(); i++) {
            String group = GROUPS.get(i);
            CfnUserPoolGroup.Builder.create(this, "Group" + pascal(group))
                    .userPoolId(users.getUserPoolId())
                    .groupName(group)
                    .precedence(i)
                    .description("Jorge inbox role " + group + " (locations come from inbox_members)")
                    .build();
        }
        pageClient = users.addClient("PageClient", UserPoolClientOptions.builder()
                .userPoolClientName("jorge-inbox-page")
                .generateSecret(false) // a browser page cannot keep a secret
                .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
                .disableOAuth(true) // the page signs in with InitiateAuth: no hosted-UI flows, no implicit grant
                .accessTokenValidity(ACCESS_TOKEN_LIFETIME)
                .idTokenValidity(ACCESS_TOKEN_LIFETIME)
                .refreshTokenValidity(Duration.hours(12))
                .enableTokenRevocation(true)
                .preventUserExistenceErrors(true)
                .build());

        // --- the two functions (one jar)
        // the tokens' iss (the ProviderURL attribute lacks the scheme)
        issuer = "https://cognito-idp." + getRegion() + ".amazonaws.com/" + users.getUserPoolId();
        Path jar = layout.functionJar("agent-inbox", "agent-inbox-lambda.jar");
        String pageUrl = (config.hasApiDomain() ? "https://" + config.apiDomainName() : functions.api().getApiEndpoint()) + PAGE_PATH + "/";
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_URL", data.jdbcUrl(),
                "DATABASE_SECRET_ARN", data.database().getSecret().getSecretArn(),
                "REDIS_URL", data.redisUrl(),
                "REDIS_CLUSTER", "true",
                "REDIS_AUTH_SECRET_ARN", data.redisAuth().getSecretArn(),
                "GHL_API_BASE_URL", FunctionsStack.GHL_API_BASE_URL,
                "GHL_API_TOKEN_SECRET_ARN", functions.ghlApiToken().getSecretArn(),
                "COGNITO_ISSUER", issuer,
                "COGNITO_CLIENT_ID", pageClient.getUserPoolClientId(),
                "INBOX_PAGE_URL", pageUrl));
        env.put("ACCESS_TOKEN_MAX_MINUTES", String.valueOf(ACCESS_TOKEN_LIFETIME.toMinutes().intValue()));
        env.put("POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform");
        var alarms = config.alarms();
        inbox = new CanaryFunction(this, "AgentInbox", new CanaryFunctionSpec(
                "jorge-agent-inbox", "The agents' inbox: offers, approvals, take-over, and its mobile page",
                jar, "com.jorge.platform.inbox.InboxHandler::handleRequest",
                1024, 15, 0, withService(env, "agent-inbox"), alarms.canaryErrorThreshold(), alarms.webhookP99Ms()),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        offers = new CanaryFunction(this, "AgentInboxOffers", new CanaryFunctionSpec(
                "jorge-agent-inbox-offers", "Hand-off offers and approval requests from the workflows into the inbox, with a notice",
                jar, "com.jorge.platform.inbox.OfferNoticeHandler::handleRequest",
                1024, 30, 0, withService(env, "agent-inbox-offers"), alarms.canaryErrorThreshold(), 30_000),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        // the admins' GDPR export includes the contact's archived audit entries (the erasure keeps them)
        inbox.function().addEnvironment("AUDIT_ARCHIVE_BUCKET", data.auditArchive().environment().get("AUDIT_ARCHIVE_BUCKET"));
        inbox.function().addEnvironment("AUDIT_ARCHIVE_PREFIX", AuditArchive.PREFIX);
        data.auditArchive().grantRead(inbox.function(), data.key());
        // a team lead's bulk re-engagement queues its leads (or its approval's start) for the bot worker
        inbox.function().addEnvironment("LEAD_EVENTS_QUEUE_URL", functions.leadEvents().getQueueUrl());
        functions.leadEvents().grantSendMessages(inbox.function());
        for (CanaryFunction function : List.of(inbox, offers)) {
            data.database().getSecret().grantRead(function.function());
            data.redisAuth().grantRead(function.function());
            functions.ghlApiToken().grantRead(function.function());
            if (config.marketplaceApp()) { // notices go through GHL with the location's own token
                functions.marketplace().authorizeGhlCalls(function.function());
            }
        }
        // --- admins must have MFA: the pool's pre-token-generation trigger refuses tokens to an admin-group member
        // without TOTP (MFA stays optional for agents and team leads, see the COG2 suppression below)
        adminMfa = new CanaryFunction(this, "AdminMfa", new CanaryFunctionSpec(
                "jorge-inbox-admin-mfa", "Pre-token-generation: no tokens for an admin without TOTP",
                jar, "com.jorge.platform.inbox.AdminMfaHandler::handleRequest",
                1024, 5, 0, Map.of("POWERTOOLS_SERVICE_NAME", "inbox-admin-mfa"), alarms.canaryErrorThreshold(), 3_000),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        users.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, adminMfa.alias());
        // its own policy, not the role's default one: the function must not depend on the pool that names it
        Policy.Builder.create(this, "AdminMfaReadsMfaSettings")
                .roles(List.of(adminMfa.function().getRole()))
                .statements(List.of(PolicyStatement.Builder.create()
                        .sid("ReadUsersMfaSettings")
                        .actions(List.of("cognito-idp:AdminGetUser"))
                        .resources(List.of(users.getUserPoolArn()))
                        .build()))
                .build();

        // the service answers the task tokens of the two workflows that wait for a person, and no other
        inbox.function().addToRolePolicy(PolicyStatement.Builder.create()
                .sid("AnswerOffersAndApprovals")
                .actions(List.of("states:SendTaskSuccess", "states:SendTaskFailure"))
                .resources(List.of(WorkflowNames.HOT_LEAD_HANDOFF.arnIn(this), WorkflowNames.APPROVAL.arnIn(this)))
                .build());
        // subscribed here by hand: LambdaSubscription names its permission after a hash of the topic's path,
        // twelve digits of which read like an account id in the template
        offers.alias().addPermission("AgentNotificationsInvoke", Permission.builder()
                .principal(new ServicePrincipal("sns.amazonaws.com"))
                .sourceArn(workflows.agentNotifications().getTopicArn())
                .build());
        Subscription.Builder.create(this, "OffersSubscription")
                .topic(workflows.agentNotifications())
                .protocol(SubscriptionProtocol.LAMBDA)
                .endpoint(offers.alias().getFunctionArn())
                .build();

        // --- routes on the platform's HTTP API
        var integration = new HttpLambdaIntegration("AgentInbox", inbox.alias(), HttpLambdaIntegrationProps.builder()
                .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                .build());
        // the JWT authorizer lives here, not in the API's stack (an L2 route authorizer would be created there,
        // and the functions stack would then depend on this pool: a cycle)
        HttpAuthorizer jwt = HttpAuthorizer.Builder.create(this, "InboxUsersAuthorizer")
                .httpApi(functions.api())
                .authorizerName("jorge-inbox-users")
                .type(HttpAuthorizerType.JWT)
                .identitySource(List.of("$request.header.Authorization"))
                .jwtAudience(List.of(pageClient.getUserPoolClientId()))
                .jwtIssuer(issuer)
                .build();
        usersAuthorizer = jwt;
        IHttpRouteAuthorizer authorizer = new IHttpRouteAuthorizer() {
            @Override
            public HttpRouteAuthorizerConfig bind(HttpRouteAuthorizerBindOptions options) {
                return HttpRouteAuthorizerConfig.builder().authorizerId(jwt.getAuthorizerId()).authorizationType("JWT").build();
            }
        };
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
            HttpRoute.Builder.create(this, "ApiRoute" + method.name())
                    .httpApi(functions.api())
                    .routeKey(HttpRouteKey.with(API_PATH, method))
                    .integration(integration)
                    .authorizer(authorizer)
                    .build();
        }
        for (String path : List.of(PAGE_PATH, PAGE_PATH + "/{proxy+}")) {
            HttpRoute page = HttpRoute.Builder.create(this, path.endsWith("}") ? "PageFilesRoute" : "PageRoute")
                    .httpApi(functions.api())
                    .routeKey(HttpRouteKey.with(path, HttpMethod.GET))
                    .integration(integration)
                    .build();
            NagSuppressions.addResourceSuppressions(page, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-APIG4")
                    .reason("The inbox page's static files (HTML, script, style, config.json with the pool's public client id) must load "
                            + "before anyone signs in; every /inbox/api route carries the user pool's JWT authorizer.")
                    .build()), true);
        }

        NagSuppressions.addResourceSuppressions(users, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-COG2")
                .reason("Cognito sets MFA for a whole pool. Agents answer offers from their phones with a password; TOTP is open to "
                        + "everyone and admins must have it: the pre-token-generation trigger (jorge-inbox-admin-mfa) refuses "
                        + "tokens to an admin without TOTP. A pool-wide requirement would lock agents out of the one-tap page.")
                .build()), true);

        CfnOutput.Builder.create(this, "InboxUrl").description("The agents' inbox page").value(pageUrl).build();
        CfnOutput.Builder.create(this, "InboxUserPoolId").description("Add agents, team leads and admins here (and to a group)")
                .value(users.getUserPoolId()).build();
        CfnOutput.Builder.create(this, "InboxClientId").description("The inbox page's app client").value(pageClient.getUserPoolClientId()).build();
    }

    private static Map<String, String> withService(Map<String, String> env, String service) {
        Map<String, String> out = new HashMap<>(env);
        out.put("POWERTOOLS_SERVICE_NAME", service);
        return out;
    }

    private static String pascal(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    public CanaryFunction adminMfa() {
        return adminMfa;
    }

    public UserPool users() {
        return users;
    }

    public UserPoolClient pageClient() {
        return pageClient;
    }

    public CanaryFunction inbox() {
        return inbox;
    }

    public CanaryFunction offers() {
        return offers;
    }

    /** The pool's issuer, as Cognito writes it in {@code iss}. */
    public String issuer() {
        return issuer;
    }

    /** The pool's JWT authorizer on the platform's HTTP API (the BI routes use it too). */
    public HttpAuthorizer usersAuthorizer() {
        return usersAuthorizer;
    }
}
