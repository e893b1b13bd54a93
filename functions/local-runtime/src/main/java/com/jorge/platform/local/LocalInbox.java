package com.jorge.platform.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.inbox.InboxFunction;
import com.jorge.platform.inbox.InboxSettings;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.auth.Members;
import com.jorge.platform.inbox.offers.WorkflowTasks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.LocalCognito;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.net.MalformedURLException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The agents' inbox on the local runtime: λ agent-inbox's own code (the Micronaut function behind the
 * gateway's {@code /inbox}), with a local Cognito (issuer, JWKS, the page's sign-in: testkit's
 * {@link LocalCognito}) standing in for the user pool, and one team lead for the demo locations, whose
 * password is made at start-up. No workflow runs locally (a hand-off goes straight to
 * {@code GHL_HANDOFF_USER_ID}), so no offer or approval ever waits here: a task-token answer finds nothing
 * waiting ({@link WorkflowTasks.Answer#GONE}).
 */
final class LocalInbox implements AutoCloseable {

    static final String PATH = "/inbox";
    static final String TEAM_LEAD = "team.lead@demo.local";

    private final LocalCognito cognito;
    private final Database database;
    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;
    private final LocalCognito.User teamLead;

    private LocalInbox(LocalCognito cognito, Database database, ApplicationContext context, LocalCognito.User teamLead) {
        this.cognito = cognito;
        this.database = database;
        this.context = context;
        this.handler = new APIGatewayV2HTTPEventFunction(context);
        this.teamLead = teamLead;
    }

    /** {@code settings}: the platform's (database, Redis, GHL), as the other functions read them. */
    static LocalInbox start(Map<String, String> settings, List<String> locations, PlatformMetrics metrics) {
        LocalCognito cognito = new LocalCognito(Clock.systemUTC());
        try {
            Map<String, String> values = new HashMap<>(settings);
            values.put("COGNITO_ISSUER", cognito.issuer());
            values.put("COGNITO_CLIENT_ID", LocalCognito.CLIENT_ID);
            values.put("COGNITO_JWKS_URL", cognito.jwksUrl().toString());
            values.put("COGNITO_AUTH_ENDPOINT", cognito.authEndpoint().toString());
            values.putIfAbsent("INBOX_PAGE_URL", PATH + "/");
            values.put("DATABASE_MIGRATE", "false"); // the worker migrated the schema
            values.put("DATABASE_POOL_SIZE", "2");
            PlatformConfig config = PlatformConfig.of(values);
            WorkflowTasks noWorkflow = new WorkflowTasks() {
                @Override
                public Answer succeed(String taskToken, String outputJson) {
                    return Answer.GONE;
                }

                @Override
                public Answer fail(String taskToken, String error, String cause) {
                    return Answer.GONE;
                }
            };
            InboxFunction function = InboxFunction.fromConfig(config, InboxSettings.fromConfig(config),
                    JWKSourceBuilder.create(cognito.jwksUrl().toURL()).build(), noWorkflow, metrics, Clock.systemUTC());
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String password = "Local-" + HexFormat.of().formatHex(random);
            LocalCognito.User lead = cognito.addUser(TEAM_LEAD, password, "team_lead");
            Database database = Database.open(Database.Settings.fromConfig(config));
            new Transactor(database.dataSource()).inTransaction(c -> {
                for (String location : locations) {
                    new Members().add(c, lead.subject(), new Caller.Membership(location, "local-team-lead", null));
                }
                return null;
            });
            return new LocalInbox(cognito, database, ApplicationContext.builder().singletons(function.inbox()).start(), lead);
        } catch (MalformedURLException | RuntimeException e) {
            cognito.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    /** The demo team lead's password (made at start-up; printed with the runtime's description). */
    String password() {
        return teamLead.password();
    }

    /** A token of the demo team lead, as the page gets it at sign-in. */
    String teamLeadToken() {
        return cognito.token(teamLead);
    }

    @Override
    public void close() {
        context.close();
        database.close();
        cognito.close();
    }
}
