package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.RepositoryLayout;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.constructs.CanaryFunction;
import com.jorge.platform.infra.constructs.CanaryFunctionSpec;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The GHL Marketplace app: λ marketplace-install behind the webhook API ({@code GET /oauth/callback},
 * {@code POST /webhooks/ghl/app}), the KMS key that wraps the data keys sealing every location's tokens
 * in Aurora, and the app's client id and secret (Secrets Manager; ops pastes them from the Marketplace).
 * The function may use the key for data keys only, read only its two secrets and the database secret.
 */
public final class MarketplaceApp extends Construct {

    public static final String CALLBACK_PATH = "/oauth/callback";
    public static final String APP_EVENTS_PATH = "/webhooks/ghl/app";

    private final Key tokenKey;
    private final Secret clientId;
    private final Secret clientSecret;
    private final CanaryFunction install;

    public MarketplaceApp(Construct scope, String id, EnvironmentSettings config, RepositoryLayout layout, DataStack data,
                          HttpApi api, CanaryFunction.Network vpcAccess, LambdaApplication application, RetentionDays logRetention,
                          AlertingStack alerting) {
        super(scope, id);
        tokenKey = Key.Builder.create(this, "TokenKey")
                .description("Wraps the data keys that seal GHL OAuth tokens in ghl_installations (envelope encryption)")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        clientId = Secret.Builder.create(this, "ClientId")
                .secretName("jorge/" + config.name() + "/ghl-oauth-client-id")
                .description("The GHL Marketplace app's Client ID; ops writes the real value (see infra-cdk/README.md)")
                .build();
        clientSecret = Secret.Builder.create(this, "ClientSecret")
                .secretName("jorge/" + config.name() + "/ghl-oauth-client-secret")
                .description("The GHL Marketplace app's Client Secret; ops writes the real value (see infra-cdk/README.md)")
                .build();

        String callbackUrl = config.hasApiDomain() ? "https://" + config.apiDomainName() + CALLBACK_PATH : api.getApiEndpoint() + CALLBACK_PATH;
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_URL", data.jdbcUrl(),
                "DATABASE_SECRET_ARN", data.database().getSecret().getSecretArn(),
                "GHL_API_BASE_URL", FunctionsStack.GHL_API_BASE_URL,
                "GHL_OAUTH_CLIENT_ID_SECRET_ARN", clientId.getSecretArn(),
                "GHL_OAUTH_CLIENT_SECRET_SECRET_ARN", clientSecret.getSecretArn(),
                "GHL_OAUTH_REDIRECT_URI", callbackUrl,
                "GHL_TOKEN_KMS_KEY_ID", tokenKey.getKeyArn(),
                "POWERTOOLS_SERVICE_NAME", "marketplace-install",
                "POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform"));
        if (config.acceptsLegacyRsaWebhooks()) {
            env.put("GHL_WEBHOOK_RSA_PUBLIC_KEY_PARAM", config.legacyRsaWebhookKeyParameter());
        }
        var alarms = config.alarms();
        install = new CanaryFunction(this, "MarketplaceInstall", new CanaryFunctionSpec(
                "jorge-marketplace-install", "The GHL Marketplace app's OAuth callback and INSTALL/UNINSTALL webhooks",
                layout.functionJar("marketplace-install", "marketplace-install-lambda.jar"),
                "com.jorge.platform.install.MarketplaceInstallHandler::handleRequest",
                1024, 15, 0, env, alarms.canaryErrorThreshold(), alarms.webhookP99Ms()),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        grantTokenUse(install.function());
        data.database().getSecret().grantRead(install.function());
        if (config.acceptsLegacyRsaWebhooks()) {
            install.function().addToRolePolicy(software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
                    .sid("ReadGhlLegacyRsaKey")
                    .actions(List.of("ssm:GetParameter"))
                    .resources(List.of(software.amazon.awscdk.Stack.of(this).formatArn(software.amazon.awscdk.ArnComponents.builder()
                            .service("ssm").resource("parameter").resourceName(config.legacyRsaWebhookKeyParameter().substring(1)).build())))
                    .build());
        }

        var integration = new HttpLambdaIntegration("MarketplaceInstall", install.alias(), HttpLambdaIntegrationProps.builder()
                .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                .build());
        api.addRoutes(AddRoutesOptions.builder().path(CALLBACK_PATH).methods(List.of(HttpMethod.GET)).integration(integration).build());
        api.addRoutes(AddRoutesOptions.builder().path(APP_EVENTS_PATH).methods(List.of(HttpMethod.POST)).integration(integration).build());

        // a refused refresh token breaks one location's installation: its replies wait until someone reinstalls
        Alarm broken = Alarm.Builder.create(this, "InstallationBroken")
                .alarmDescription("GHL refused a location's refresh token (invalid_grant): that location's replies are held "
                        + "until its admin installs the app again (infra-cdk/README.md, runbook 'A broken installation')")
                .metric(Metric.Builder.create().namespace("JorgePlatform").metricName("GhlTokenRefreshes")
                        .dimensionsMap(Map.of("Kind", "invalid_grant")).statistic("Sum").period(Duration.minutes(5)).build())
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(broken);

        for (Secret secret : List.of(clientId, clientSecret)) {
            NagSuppressions.addResourceSuppressions(secret, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-SMG4")
                    .reason("The Marketplace app's client credentials are issued and rotated in GHL's developer portal; no API exists "
                            + "that a rotation function could call. The runbook in infra-cdk/README.md rotates them by hand.")
                    .build()));
        }
    }

    /**
     * GHL sends an app's lead events to its one webhook URL ({@code /webhooks/ghl/app}): the install
     * function hands them to the same intake as {@code /webhooks/ghl}, so it may send to lead-events.fifo
     * and reach Redis (the replay guard), as λ webhook-intake may.
     */
    public void acceptLeadEvents(software.amazon.awscdk.services.sqs.IQueue leadEvents, Map<String, String> redisEnv,
                                 software.amazon.awscdk.services.secretsmanager.ISecret redisAuth) {
        install.function().addEnvironment("LEAD_EVENTS_QUEUE_URL", leadEvents.getQueueUrl());
        redisEnv.forEach(install.function()::addEnvironment);
        leadEvents.grantSendMessages(install.function());
        redisAuth.grantRead(install.function());
    }

    /**
     * A function that calls GHL with each installed location's token (the worker and its due-replies
     * run, with {@code ghlAuthorization: marketplace}): the token key and the app's credentials, and the
     * settings that make {@code GhlAuthorization} choose the location tokens.
     */
    public void authorizeGhlCalls(software.amazon.awscdk.services.lambda.Function function) {
        grantTokenUse(function);
        tokenEnvironment().forEach(function::addEnvironment);
    }

    /**
     * What a function that handles per-location tokens needs: data keys from the token key (generate,
     * decrypt; nothing else), and the app's credentials to exchange and refresh tokens.
     */
    private void grantTokenUse(IGrantable function) {
        tokenKey.grant(function, "kms:GenerateDataKey", "kms:Decrypt");
        clientId.grantRead(function);
        clientSecret.grantRead(function);
    }

    /** The environment such a function reads: the app's credentials and the token key. */
    private Map<String, String> tokenEnvironment() {
        return Map.of("GHL_OAUTH_CLIENT_ID_SECRET_ARN", clientId.getSecretArn(),
                "GHL_OAUTH_CLIENT_SECRET_SECRET_ARN", clientSecret.getSecretArn(),
                "GHL_TOKEN_KMS_KEY_ID", tokenKey.getKeyArn());
    }

    public CanaryFunction install() {
        return install;
    }

    public Key tokenKey() {
        return tokenKey;
    }
}
