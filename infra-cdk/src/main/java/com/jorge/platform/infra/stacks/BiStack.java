package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.RepositoryLayout;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.LogRetention;
import com.jorge.platform.infra.constructs.CanaryFunction;
import com.jorge.platform.infra.constructs.CanaryFunctionSpec;
import com.jorge.platform.infra.constructs.ScheduledFunctionCatalog;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteAuthorizerBindOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteAuthorizerConfig;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Business intelligence where people look (issue 15), in its own stack so it deploys and reads alone:
 * <ul>
 *   <li>λ {@code jorge-bi-api} on the platform's HTTP API, {@code GET /bi/report} and {@code GET /bi/report.json}
 *       behind the inbox pool's JWT authorizer (the same one the inbox's API uses); the function checks the token
 *       again and scopes it to the caller's locations (team leads and admins, {@code inbox_members}); and
 *       {@code GET /bi/report/link}, a {@link #REPORT_LINK_MINUTES}-minute presigned link to the location's latest
 *       daily page for a phone (the function may read pages under {@link #REPORT_PREFIX}, nothing else);</li>
 *   <li>the report bucket (SSE-KMS with the data key, private, TLS only, access-logged, pages expire after
 *       {@link #REPORT_DAYS} days) and λ {@code jorge-bi-daily-report}, which writes every location's
 *       month-to-date page there once a day ({@link #DAILY_REPORT_SCHEDULE}) and may only put objects under
 *       {@link #REPORT_PREFIX}.</li>
 * </ul>
 */
public final class BiStack extends Stack {
    public static final String REPORT_PATH = "/bi/report";
    public static final String REPORT_JSON_PATH = "/bi/report.json";
    public static final String REPORT_LINK_PATH = "/bi/report/link";
    /** How long a link to a page lives (the bi-api's BI_REPORT_LINK_MINUTES). */
    public static final int REPORT_LINK_MINUTES = 15;
    public static final String REPORT_PREFIX = "bi-reports";
    /** 11:00 UTC: 05:00 or 06:00 in Chicago, after the night's aggregator runs and before the team's morning. */
    public static final String DAILY_REPORT_SCHEDULE = "cron(0 11 * * ? *)";
    /** As far back as the bi-api answers (400 days), a month more. */
    public static final int REPORT_DAYS = 430;

    private final Bucket reports;
    private final CanaryFunction api;
    private final CanaryFunction dailyReport;

    public BiStack(Construct scope, String id, StackProps props, EnvironmentSettings config, RepositoryLayout layout,
                   NetworkStack network, DataStack data, FunctionsStack functions, InboxStack inbox, AlertingStack alerting) {
        super(scope, id, props);
        // declared before any grant, so that KMS grants go to the functions' roles, not to the keys' policies
        addStackDependency(network);
        addStackDependency(data);
        addStackDependency(functions);
        addStackDependency(inbox);
        addStackDependency(alerting);
        var logRetention = LogRetention.days(config.logRetentionDays(), "logRetentionDays");
        var vpcAccess = new CanaryFunction.Network(network.vpc(), network.appSubnets(), network.functionsGroup());
        LambdaApplication application = LambdaApplication.Builder.create(this, "Deployments")
                .applicationName("jorge-bi-" + config.name())
                .build();
        var alarms = config.alarms();
        Map<String, String> databaseEnv = Map.of(
                "DATABASE_URL", data.jdbcUrl(),
                "DATABASE_SECRET_ARN", data.database().getSecret().getSecretArn(),
                "POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform");

        // --- the bucket the daily report writes and the bi-api links to
        reports = Bucket.Builder.create(this, "Reports")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(data.key())
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(data.accessLogs())
                .serverAccessLogsPrefix("bi-reports/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-reports")
                        .expiration(Duration.days(REPORT_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // --- the bi-api behind the inbox pool's JWT authorizer
        Map<String, String> apiEnv = new HashMap<>(databaseEnv);
        apiEnv.putAll(Map.of(
                "POWERTOOLS_SERVICE_NAME", "bi-api",
                "BI_API_ISSUER", inbox.issuer(),
                "BI_API_CLIENT_ID", inbox.pageClient().getUserPoolClientId(),
                "BI_API_TOKEN_MAX_MINUTES", String.valueOf(InboxStack.ACCESS_TOKEN_LIFETIME.toMinutes().intValue()),
                // GET /bi/report/link: a presigned GET of the location's latest page, for a phone without a token
                "BI_REPORT_BUCKET", reports.getBucketName(),
                "BI_REPORT_PREFIX", REPORT_PREFIX + "/",
                "BI_REPORT_LINK_MINUTES", String.valueOf(REPORT_LINK_MINUTES)));
        apiEnv.putAll(config.experiments().environment()); // the report judges the experiments
        // the rate limits' token buckets (per client address, per location) in the platform's Redis, as the inbox's
        // and its report cache (BiCache), whose reads go to the access stream the cache-warmer learns from
        apiEnv.putAll(Map.of("REDIS_URL", data.redisUrl(), "REDIS_CLUSTER", "true",
                "REDIS_AUTH_SECRET_ARN", data.redisAuth().getSecretArn(),
                "ACCESS_CAPTURE_SAMPLE_EVERY", ScheduledFunctionCatalog.ACCESS_CAPTURE_SAMPLE_EVERY));
        api = new CanaryFunction(this, "BiApi", new CanaryFunctionSpec(
                "jorge-bi-api", "BI numbers and the report page for team leads and admins (JWT, scoped to their locations)",
                layout.functionJar("bi-api", "bi-api-lambda.jar"), "com.jorge.platform.biapi.BiApiHandler::handleRequest",
                1536, 29, 0, apiEnv, alarms.canaryErrorThreshold(), 10_000),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        data.database().getSecret().grantRead(api.function());
        data.redisAuth().grantRead(api.function());
        // the links are signed by this role: it reads (and checks for) pages under the prefix, nothing else
        api.function().addToRolePolicy(PolicyStatement.Builder.create()
                .sid("ReadReportPages")
                .actions(List.of("s3:GetObject"))
                .resources(List.of(reports.arnForObjects(REPORT_PREFIX + "/*")))
                .build());
        api.function().addToRolePolicy(PolicyStatement.Builder.create()
                .sid("DecryptReportPages")
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(data.key().getKeyArn()))
                .build());
        NagSuppressions.addResourceSuppressions(api.function(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The bi-api signs short-lived links to a location's latest page under the report prefix (after "
                        + "checking the caller may read that location); it may not write, list or delete any of them.")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::.*Reports.*\\/" + REPORT_PREFIX + "\\/\\*$/g").build()))
                .build()), true);
        var integration = new HttpLambdaIntegration("BiApi", api.alias(), HttpLambdaIntegrationProps.builder()
                .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                .build());
        String authorizerId = inbox.usersAuthorizer().getAuthorizerId();
        IHttpRouteAuthorizer authorizer = new IHttpRouteAuthorizer() {
            @Override
            public HttpRouteAuthorizerConfig bind(HttpRouteAuthorizerBindOptions options) {
                return HttpRouteAuthorizerConfig.builder().authorizerId(authorizerId).authorizationType("JWT").build();
            }
        };
        Map<String, String> routes = Map.of(REPORT_PATH, "ReportRoute", REPORT_JSON_PATH, "ReportJsonRoute", REPORT_LINK_PATH, "ReportLinkRoute");
        for (String path : List.of(REPORT_PATH, REPORT_JSON_PATH, REPORT_LINK_PATH)) {
            HttpRoute.Builder.create(this, routes.get(path))
                    .httpApi(functions.api())
                    .routeKey(HttpRouteKey.with(path, HttpMethod.GET))
                    .integration(integration)
                    .authorizer(authorizer)
                    .build();
        }

        // --- the daily report
        var entry = new ScheduledFunctionCatalog.Entry("bi-daily-report", "bi-aggregator", "bi-aggregator-lambda.jar",
                "com.jorge.platform.bi.daily.DailyReportHandler::handleRequest", DAILY_REPORT_SCHEDULE, 1536, 600,
                Set.of(ScheduledFunctionCatalog.Access.DATABASE, ScheduledFunctionCatalog.Access.EXPERIMENTS));
        Map<String, String> dailyEnv = new HashMap<>(databaseEnv);
        dailyEnv.putAll(config.experiments().environment());
        dailyEnv.putAll(Map.of(
                "POWERTOOLS_SERVICE_NAME", entry.name(),
                "BI_REPORT_BUCKET", reports.getBucketName(),
                "BI_REPORT_PREFIX", REPORT_PREFIX + "/"));
        dailyReport = FunctionsStack.scheduledFunction(this, entry, layout.functionJar(entry.module(), entry.jarName()), dailyEnv,
                vpcAccess, application, logRetention, alerting, alarms.canaryErrorThreshold());
        data.database().getSecret().grantRead(dailyReport.function());
        // put pages under the prefix: nothing read, listed or deleted
        dailyReport.function().addToRolePolicy(PolicyStatement.Builder.create()
                .sid("PutReportPages")
                .actions(List.of("s3:PutObject"))
                .resources(List.of(reports.arnForObjects(REPORT_PREFIX + "/*")))
                .build());
        dailyReport.function().addToRolePolicy(PolicyStatement.Builder.create()
                .sid("EncryptReportPages")
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of(data.key().getKeyArn()))
                .build());
        NagSuppressions.addResourceSuppressions(dailyReport.function(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The daily report puts one page per location and day (and each location's latest) under the report "
                        + "prefix, names it cannot know in advance; it may not read, list or delete any of them.")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::.*Reports.*\\/" + REPORT_PREFIX + "\\/\\*$/g").build()))
                .build()), true);

        CfnOutput.Builder.create(this, "BiReportBucket")
                .description("Daily BI pages: " + REPORT_PREFIX + "/<locationId>/latest.html (aws s3 presign to share one)")
                .value(reports.getBucketName()).build();
        CfnOutput.Builder.create(this, "BiReportUrl")
                .description("The BI report behind the inbox pool's JWT (team leads and admins)")
                .value((config.hasApiDomain() ? "https://" + config.apiDomainName() : functions.api().getApiEndpoint()) + REPORT_PATH)
                .build();
    }

    public Bucket reports() {
        return reports;
    }

    public CanaryFunction api() {
        return api;
    }

    public CanaryFunction dailyReport() {
        return dailyReport;
    }
}
