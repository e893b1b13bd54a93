package com.jorge.platform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code step-functions/approval.asl.json} ({@code jorge-approval}) on loopback, behind Step Functions' own
 * JSON protocol, so the worker and the inbox call it with their real SDK clients ({@code StartExecution};
 * {@code SendTaskSuccess} / {@code SendTaskFailure}) exactly as in AWS. Each execution does what the
 * machine's states do: checks its input (CheckInput), publishes {@code approval.request} with a task
 * token to the AgentNotifications topic (AskLocation: here the inbox's own subscriber), passes it to the
 * team lead by name when nobody answers within {@code escalateAfter} (EscalateToTeamLead), and sends the
 * worker {@code approval.decided} on lead-events.fifo, in the lead's message group with the deduplication
 * id {@code <execution name>-decided}: {@code approved} only for an explicit approval, else
 * {@code rejected} or, past the deadline, {@code expired}, both with {@code fallback: true}. A
 * {@code SendTaskFailure} fails the execution and sends nothing (ReportFailure), as the machine does.
 * Executions live in memory: a restart forgets the waiting ones, as a deleted state machine would.
 */
final class LocalApprovalWorkflow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalApprovalWorkflow.class);

    static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:jorge-approval";

    /** The machine's two timeouts (cdk.json's {@code approvalEscalateAfterSeconds}, {@code approvalDeadlineSeconds}). */
    record Settings(Duration escalateAfter, Duration deadline) {
        Settings {
            if (escalateAfter.isNegative() || escalateAfter.isZero() || deadline.compareTo(escalateAfter) <= 0) {
                throw new IllegalArgumentException("LOCAL_APPROVAL_DEADLINE_SECONDS must be longer than "
                        + "LOCAL_APPROVAL_ESCALATE_AFTER_SECONDS, and both positive");
            }
        }

        static Settings fromConfig(PlatformConfig config) {
            return new Settings(Duration.ofSeconds(config.getInt("LOCAL_APPROVAL_ESCALATE_AFTER_SECONDS", 600)),
                    Duration.ofSeconds(config.getInt("LOCAL_APPROVAL_DEADLINE_SECONDS", 1800)));
        }
    }

    private enum Stage { ASK_LOCATION, ESCALATED, DONE }

    /** One execution: its input, the token it waits for and the timeout that ends that wait. */
    private static final class Execution {
        final String name;
        final String arn;
        final JsonNode input;
        Stage stage = Stage.ASK_LOCATION;
        String token;
        ScheduledFuture<?> timeout;

        Execution(String name, String arn, JsonNode input) {
            this.name = name;
            this.arn = arn;
            this.input = input;
        }

        String text(String field) {
            return input.path(field).asText();
        }
    }

    private final ObjectMapper json = PlatformJson.mapper();
    private final Settings settings;
    private final Clock clock;
    private final HttpServer server;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("local-approval-workflow").daemon().factory());
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, Execution> waiting = new ConcurrentHashMap<>(); // by task token
    private volatile LeadEventQueue leadEvents;
    private volatile Consumer<String> agentNotifications;

    LocalApprovalWorkflow(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Where Step Functions' API answers (the worker's and the inbox's {@code STEP_FUNCTIONS_ENDPOINT}). */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Its two targets, known only once the platform started: lead-events.fifo (the worker's queue) and the
     * AgentNotifications topic's subscriber (the inbox's {@code OfferNoticeHandler} code).
     */
    void connect(LeadEventQueue leadEvents, Consumer<String> agentNotifications) {
        this.leadEvents = leadEvents;
        this.agentNotifications = agentNotifications;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String action = target == null ? "" : target.substring(target.indexOf('.') + 1);
            JsonNode body;
            try {
                body = json.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                reply(exchange, 400, error("SerializationException", "the request body is not JSON"));
                return;
            }
            String answer;
            synchronized (this) {
                answer = switch (action) {
                    case "StartExecution" -> start(body);
                    case "SendTaskSuccess" -> answer(body.path("taskToken").asText(), body.path("output").asText("{}"), true);
                    case "SendTaskFailure" -> answer(body.path("taskToken").asText(), null, false);
                    default -> error("UnknownOperationException", "not offered locally: " + action);
                };
            }
            reply(exchange, answer.contains("\"__type\"") ? 400 : 200, answer);
        }
    }

    private String start(JsonNode request) {
        if (!STATE_MACHINE_ARN.equals(request.path("stateMachineArn").asText())) {
            return error("StateMachineDoesNotExist", "only " + STATE_MACHINE_ARN + " runs locally");
        }
        String name = request.path("name").asText();
        if (name.isEmpty()) name = UUID.randomUUID().toString();
        if (executions.containsKey(name)) return error("ExecutionAlreadyExists", "Execution Already Exists: " + name);
        JsonNode input;
        try {
            input = json.readTree(request.path("input").asText("{}"));
        } catch (IOException e) {
            return error("InvalidExecutionInput", "the input is not JSON");
        }
        String arn = STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":" + name;
        Execution run = new Execution(name, arn, input);
        executions.put(name, run);
        if (!validInput(input)) {
            run.stage = Stage.DONE; // Fail Approval.InvalidInput: nothing was published or sent
            log.warn("approval execution {} failed: Approval.InvalidInput", name);
        } else {
            ask(run, false, settings.escalateAfter());
        }
        return json.createObjectNode().put("executionArn", arn)
                .put("startDate", clock.instant().toEpochMilli() / 1000.0).toString();
    }

    /** CheckInput's condition. */
    private static boolean validInput(JsonNode in) {
        if (!in.isObject()) return false;
        for (String field : new String[] {"locationId", "contactId", "kind"}) {
            if (!in.path(field).isTextual() || in.path(field).asText().isEmpty() || in.path(field).asText().length() > 64) {
                return false;
            }
        }
        JsonNode summary = in.path("summary");
        if (!summary.isTextual() || summary.asText().isEmpty() || summary.asText().length() > 1000) return false;
        for (String field : new String[] {"teamLeadId", "actionId"}) {
            if (!in.path(field).isTextual() || in.path(field).asText().isEmpty()) return false;
        }
        JsonNode rules = in.get("rules");
        if (rules == null) return true;
        if (!rules.isArray()) return false;
        for (JsonNode rule : rules) if (!rule.isTextual()) return false;
        return true;
    }

    /** AskLocation, or EscalateToTeamLead: a new token, published, waited for until {@code waitFor} passes. */
    private void ask(Execution run, boolean escalated, Duration waitFor) {
        run.stage = escalated ? Stage.ESCALATED : Stage.ASK_LOCATION;
        run.token = UUID.randomUUID() + "." + UUID.randomUUID();
        waiting.put(run.token, run);
        ObjectNode request = json.createObjectNode().put("type", "approval.request");
        if (escalated) request.put("escalated", true).put("assignee", run.text("teamLeadId"));
        request.put("locationId", run.text("locationId")).put("contactId", run.text("contactId"))
                .put("kind", run.text("kind")).put("summary", run.text("summary"));
        request.set("rules", run.input.has("rules") ? run.input.get("rules") : json.createArrayNode());
        if (!escalated) request.put("teamLeadId", run.text("teamLeadId"));
        request.put("expiresInSeconds", waitFor.toSeconds()).put("taskToken", run.token);
        String token = run.token;
        run.timeout = timer.schedule(() -> timedOut(run, token), waitFor.toMillis(), TimeUnit.MILLISECONDS);
        try {
            agentNotifications.accept(request.toString());
        } catch (RuntimeException e) {
            // SNS took the message; a subscriber that failed leaves the token waiting until its timeout, as in AWS
            log.warn("approval request of {} not taken by the inbox: {}", run.name, e.getClass().getSimpleName());
        }
    }

    private synchronized void timedOut(Execution run, String token) {
        if (!token.equals(run.token) || run.stage == Stage.DONE) return; // answered meanwhile
        waiting.remove(token);
        if (run.stage == Stage.ASK_LOCATION) {
            ask(run, true, settings.deadline().minus(settings.escalateAfter()));
        } else {
            decided(run, "expired", null);
        }
    }

    /** A task-token answer: the service's TaskTimedOut for a token nobody waits for (answered, timed out, unknown). */
    private String answer(String token, String output, boolean success) {
        JsonNode result = null;
        if (success) {
            try {
                result = json.readTree(output);
            } catch (IOException e) {
                return error("InvalidOutput", "the output is not JSON"); // the token still waits, as in AWS
            }
        }
        Execution run = waiting.remove(token);
        if (run == null || run.stage == Stage.DONE) return error("TaskTimedOut", "Task Timed Out");
        run.timeout.cancel(false);
        if (!success) {
            run.stage = Stage.DONE; // Catch States.ALL -> ReportFailure -> ApprovalFailed: the worker is told nothing
            log.warn("approval execution {} failed: the task was answered with a failure", run.name);
            return "{}";
        }
        // Decided: only an explicit approval runs the action; anything else is a rejection
        boolean approved = result != null && "approved".equals(result.path("decision").asText(null));
        decided(run, approved ? "approved" : "rejected", run.stage == Stage.ESCALATED ? "team_lead" : "location");
        return "{}";
    }

    /** RunApprovedAction or SendFallback: approval.decided to the worker, once per execution. */
    private void decided(Execution run, String decision, String decidedBy) {
        run.stage = Stage.DONE;
        ObjectNode body = json.createObjectNode().put("type", "approval.decided")
                .put("contactId", run.text("contactId")).put("locationId", run.text("locationId"))
                .put("actionId", run.text("actionId")).put("kind", run.text("kind")).put("decision", decision);
        if (decision.equals("approved")) body.put("decidedBy", decidedBy);
        else body.put("fallback", true);
        body.put("execution", run.arn);
        leadEvents.send(new QueuedLeadEvent(QueuedLeadEvent.groupFor(run.text("locationId"), run.text("contactId")),
                run.name + "-decided", "approval.decided", body.toString(), clock.millis()));
    }

    private String error(String type, String message) {
        return json.createObjectNode().put("__type", type).put("message", message).toString();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
