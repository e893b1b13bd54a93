package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.audit.AuditChainVerifier;
import com.jorge.platform.audit.AuditEntries;
import com.jorge.platform.audit.ChainVerdict;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.ghlfake.FakeCalendars;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.reengagement.ReEngagementQueue;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every kind of entry the worker writes to the audit chain, driven through the real worker (PostgreSQL, Redis, the fake
 * GHL API, the real Step Functions client against its stand-in) as the queue would deliver it, and found in
 * {@code audit_log}: the kinds are {@link AuditedAction}'s constants and {@link CrmAction}'s permitted types (each
 * CRM action is audited {@code crm_action} with its kind), so a kind added without a scenario here fails by name.
 * The location's chain still verifies at the end.
 */
class EveryAuditedActionThroughTheWorkerTest {

    private static final String LOC = "loc-tx";
    private static final String NURTURE = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-lead-nurture";
    private static final String HANDOFF = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-hot-lead-handoff";
    private static final String APPROVAL = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-approval";
    /** A reason a scorer might one day quote a lead with: the audit entry must not keep the number. */
    private static final String QUOTING_REASON = "said call me at +1 512 555 0199";

    private static BotSuite jorge;
    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final StepFunctionsService aws = new StepFunctionsService();
    private StepFunctionsStandIn sfn;
    private MutableClock clock;
    private WorkerTestRig rig;

    @FunctionalInterface
    private interface Scenario {
        void drive(String contact) throws Exception;
    }

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @BeforeEach
    void start() {
        sfn = aws.standIn();
        clock = new MutableClock(BookingThroughTheWorkerTest.THURSDAY);
        Map<String, String> env = new HashMap<>(BookingThroughTheWorkerTest.CALENDARS);
        env.putAll(Map.of("NURTURE_STATE_MACHINE_ARN", NURTURE, "HANDOFF_STATE_MACHINE_ARN", HANDOFF,
                "HANDOFF_AGENT_IDS", "agent-7, agent-8", "HANDOFF_TEAM_LEAD_ID", "lead-1",
                "APPROVAL_STATE_MACHINE_ARN", APPROVAL, "STEP_FUNCTIONS_ENDPOINT", sfn.endpoint().toString()));
        rig = new WorkerTestRig(new BotSuite(scripted(jorge.policy()), jorge.followUps(), jorge.leadScoreAttributes()),
                clock, TestRedis.standaloneUrl(), env);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @TestFactory
    Stream<DynamicTest> everyAuditedActionLandsInTheAuditLog() {
        Map<AuditedAction, Scenario> scenarios = scenarios();
        List<DynamicTest> tests = new ArrayList<>();
        for (AuditedAction action : AuditedAction.values()) {
            tests.add(DynamicTest.dynamicTest(action.code(), () -> {
                Scenario scenario = scenarios.get(action);
                if (scenario == null) fail("no scenario here drives the audited action " + action + " through the worker");
                String contact = "k-" + action.code().replace('_', '-');
                scenario.drive(contact);
                assertThat(entries(contact, action.code()) + batchEntries(contact, action.code()))
                        .as(action.code() + " for " + contact).isPositive();
            }));
        }
        Map<Class<?>, Scenario> crm = crmScenarios();
        for (Class<?> kind : CrmAction.class.getPermittedSubclasses()) {
            tests.add(DynamicTest.dynamicTest("crm_action " + kind.getSimpleName(), () -> {
                Scenario scenario = crm.get(kind);
                if (scenario == null) fail("no scenario here drives the CRM action " + kind.getSimpleName() + " through the worker");
                String contact = "crm-" + kind.getSimpleName();
                scenario.drive(contact);
                assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = '" + contact
                        + "' AND action = 'crm_action' AND detail->>'kind' = '" + kind.getSimpleName() + "'"))
                        .as("crm_action " + kind.getSimpleName()).isEqualTo(1);
            }));
        }
        tests.add(DynamicTest.dynamicTest("the chain still verifies", () -> {
            AuditChainVerifier verifier = new AuditChainVerifier(LOC);
            try (Connection c = rig.schema.connect()) {
                AuditEntries.forEach(c, LOC, verifier::accept);
            }
            assertThat(verifier.verdict()).isInstanceOf(ChainVerdict.Intact.class);
        }));
        return tests.stream();
    }

    private Map<AuditedAction, Scenario> scenarios() {
        Map<AuditedAction, Scenario> s = new EnumMap<>(AuditedAction.class);
        s.put(AuditedAction.REPLIED, contact -> say(contact, "do nothing"));
        s.put(AuditedAction.NOT_REPLIED, contact -> {
            process(GhlWebhooks.dndUpdate(LOC, contact, true, clock.instant()));
            say(contact, "do nothing");
            assertThat(rig.ghl.smsTo(contact)).isEmpty();
        });
        s.put(AuditedAction.LEAD_SCORED, contact -> {
            say(contact, "do score");
            say(contact, "do score"); // the same score again: nothing new to audit
            say(contact, "do nothing");
            assertThat(entries(contact, "lead_scored")).as("one entry per new score").isEqualTo(1);
            String detail = "SELECT detail->>'%s' FROM audit_log WHERE contact_id = '" + contact + "' AND action = 'lead_scored'";
            assertThat(rig.text(detail.formatted("temperature"))).isEqualTo("HOT");
            assertThat(rig.text(detail.formatted("previousTemperature"))).isEqualTo("COLD");
            JsonNode reasons = json.readTree(rig.text(detail.formatted("reasons")));
            assertThat(reasons).hasSize(3);
            assertThat(reasons.get(0).asText()).isEqualTo("lead score 0.82, rule-based estimate");
            assertThat(reasons.get(2).asText()).as("masked as the logs mask it").isEqualTo("said call me at ***199");
            // the Jorge bots' own score: the number and its source lead the reasons
            say(contact + "-jorge", "Hi, we need to sell our house, relocating for work in 2 months");
            assertThat(entries(contact + "-jorge", "lead_scored")).isEqualTo(1);
            assertThat(json.readTree(rig.text(("SELECT detail->>'reasons' FROM audit_log WHERE contact_id = '" + contact
                    + "-jorge' AND action = 'lead_scored'"))).get(0).asText()).matches("lead score \\d\\.\\d\\d, .+");
        });
        s.put(AuditedAction.MESSAGE_SENT, contact -> {
            say(contact, "do nothing");
            assertThat(rig.ghl.smsTo(contact)).containsExactly("Okay.");
        });
        s.put(AuditedAction.CRM_ACTION, contact -> say(contact, "do AddTags"));
        s.put(AuditedAction.FOLLOW_UP, contact -> {
            say(contact, "thinking about selling my house"); // the Jorge bots ask, and lead-nurture starts
            JsonNode start = started(NURTURE, contact);
            JsonNode input = json.readTree(start.path("input").asText());
            clock.advance(Duration.ofDays(2));
            process(json.createObjectNode().put("type", "nurture.step").put("contactId", contact).put("locationId", LOC)
                    .put("step", 1).put("steps", 3).put("taskToken", "token-" + contact)
                    .put("execution", NURTURE.replace(":stateMachine:", ":execution:") + ":" + start.path("name").asText())
                    .put("quietSince", input.path("quietSince").asText()).toString());
        });
        s.put(AuditedAction.BOT_PAUSED, contact -> process(GhlWebhooks.humanReply(LOC, contact, "Hi, Jorge here", clock.instant())));
        s.put(AuditedAction.CONTACT_DELETED, contact ->
                process(GhlWebhooks.envelope("ContactDelete", LOC, clock.instant()).put("id", contact).toString()));
        s.put(AuditedAction.OPTED_OUT, contact -> process(GhlWebhooks.dndUpdate(LOC, contact, true, clock.instant())));
        s.put(AuditedAction.APPOINTMENT_BOOKED, contact -> {
            Instant at = slot();
            process(GhlWebhooks.appointment("AppointmentCreate", new FakeCalendars.Appointment("appt-" + contact, LOC, "cal-call",
                    contact, at, at.plus(Duration.ofMinutes(30)), "Call", "confirmed", "agent-7"), clock.instant()));
        });
        s.put(AuditedAction.APPOINTMENT_ECHO, contact -> {
            say(contact, "do BookAppointment");
            process(GhlWebhooks.appointment("AppointmentCreate", rig.ghl.calendars().appointmentsOf(contact).getFirst(),
                    clock.instant()));
        });
        s.put(AuditedAction.LEAD_OUTCOME_RECORDED, contact -> {
            say(contact, "do score");
            process(deal(contact, "won"));
        });
        s.put(AuditedAction.LEAD_OUTCOME_WITHDRAWN, contact -> {
            say(contact, "do score");
            process(deal(contact, "won"));
            process(deal(contact, "open"));
        });
        s.put(AuditedAction.HANDOFF_ACCEPTED, contact -> process(json.createObjectNode().put("type", WorkflowMessage.HANDOFF_ACCEPTED)
                .put("contactId", contact).put("locationId", LOC).put("agentId", "agent-8")
                .put("execution", HANDOFF.replace(":stateMachine:", ":execution:") + ":ho-" + contact).toString()));
        s.put(AuditedAction.HANDOFF_UNCLAIMED, contact -> {
            var message = json.createObjectNode().put("type", WorkflowMessage.HANDOFF_UNCLAIMED).put("contactId", contact)
                    .put("locationId", LOC).put("execution", HANDOFF.replace(":stateMachine:", ":execution:") + ":ho-" + contact);
            message.putArray("agentsTried").add("agent-7").add("agent-8");
            process(message.toString());
        });
        s.put(AuditedAction.APPROVAL_REQUESTED, contact -> {
            hold(contact);
            assertThat(rig.ghl.smsTo(contact)).isEmpty();
        });
        s.put(AuditedAction.APPROVAL_APPROVED, contact -> decide(contact, hold(contact), "approved"));
        s.put(AuditedAction.APPROVAL_FELL_BACK, contact -> decide(contact, hold(contact), "rejected"));
        s.put(AuditedAction.APPROVAL_DROPPED, contact -> {
            String actionId = hold(contact);
            process(GhlWebhooks.humanReply(LOC, contact, "I'll take it from here", clock.instant())); // a person took over
            decide(contact, actionId, "approved");
        });
        s.put(AuditedAction.REENGAGED, contact -> {
            coldLead(contact);
            process(reEngagementSend(reEngagementBatch(contact, "queued"), contact));
            assertThat(rig.ghl.smsTo(contact)).hasSize(1);
        });
        s.put(AuditedAction.REENGAGEMENT_SKIPPED, contact -> {
            coldLead(contact);
            process(GhlWebhooks.dndUpdate(LOC, contact, true, clock.instant()));
            process(reEngagementSend(reEngagementBatch(contact, "queued"), contact));
            assertThat(rig.ghl.smsTo(contact)).isEmpty();
        });
        s.put(AuditedAction.REENGAGEMENT_DECIDED, contact -> {
            coldLead(contact);
            String batch = reEngagementBatch(contact, "awaiting_approval");
            process(json.createObjectNode().put("type", ReEngagementQueue.START_APPROVAL).put("locationId", LOC)
                    .put("contactId", ReEngagementQueue.BATCH_CONTACT).put("batchId", batch).toString());
            assertThat(json.readTree(started(APPROVAL, ReEngagementQueue.BATCH_CONTACT).path("input").asText())
                    .path("actionId").asText()).isEqualTo(batch);
            rig.worker.messages().process(json.createObjectNode().put("type", WorkflowMessage.APPROVAL_DECIDED)
                    .put("contactId", ReEngagementQueue.BATCH_CONTACT).put("locationId", LOC).put("actionId", batch)
                    .put("kind", ReEngagementQueue.KIND).put("decision", "rejected").put("decidedBy", "location")
                    .put("execution", APPROVAL.replace(":stateMachine:", ":execution:") + ":ap-" + batch).toString(),
                    WorkflowMessage.APPROVAL_DECIDED, 0);
            assertThat(rig.ghl.smsTo(contact)).isEmpty();
        });
        return s;
    }

    /** A seller the bots talked to six weeks ago, left in nurture, cold. */
    private void coldLead(String contact) throws Exception {
        try (Connection c = rig.schema.connect()) {
            ColdLeadSeeds.lead(c, LOC, contact, "seller", "en", "nurture", "COLD", clock.instant().minus(Duration.ofDays(42)));
        }
    }

    /** A re-engagement batch of the one lead, as the inbox stores it; its id is the contact's own, so its entries are found. */
    private String reEngagementBatch(String contact, String status) throws Exception {
        String batch = batchOf(contact);
        try (Connection c = rig.schema.connect()) {
            ColdLeadSeeds.batch(c, batch, LOC, status, List.of(contact),
                    status.equals("queued") ? List.of() : List.of("reengage_more_than"), clock.instant());
        }
        return batch;
    }

    private static String batchOf(String contact) {
        return java.util.UUID.nameUUIDFromBytes(contact.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private String reEngagementSend(String batch, String contact) {
        return json.createObjectNode().put("type", ReEngagementQueue.SEND).put("locationId", LOC).put("contactId", contact)
                .put("batchId", batch).toString();
    }

    /** A batch's own entries (its approval's answer) name no contact, only the batch. */
    private long batchEntries(String contact, String action) throws Exception {
        return rig.count("SELECT count(*) FROM audit_log WHERE contact_id IS NULL AND action = '" + action
                + "' AND detail->>'batchId' = '" + batchOf(contact) + "'");
    }

    /** One turn for each CRM action the bots can ask for; a cancellation needs an appointment to cancel. */
    private Map<Class<?>, Scenario> crmScenarios() {
        Map<Class<?>, Scenario> s = new HashMap<>();
        for (Class<?> kind : List.of(CrmAction.AddTags.class, CrmAction.UpdateFields.class, CrmAction.MoveOpportunity.class,
                CrmAction.MarkDoNotDisturb.class, CrmAction.HandOff.class, CrmAction.BookAppointment.class,
                CrmAction.ScheduleFollowUps.class)) {
            s.put(kind, contact -> say(contact, "do " + kind.getSimpleName()));
        }
        s.put(CrmAction.CancelAppointment.class, contact -> {
            say(contact, "do BookAppointment");
            say(contact, "do CancelAppointment");
        });
        return s;
    }

    /**
     * The Jorge bots, except for texts starting "do ": those get the turn the test asks for (a CRM action by its type's
     * name, a new score, a price opinion the approval policy holds), from a seller conversation.
     */
    private ConversationPolicy scripted(ConversationPolicy bots) {
        return (context, message) -> {
            String body = message.body();
            if (!body.startsWith("do ")) return bots.respond(context, message);
            ConversationState next = context.state().withBotType(BotType.SELLER).withTurns(context.state().turns() + 1);
            String what = body.substring(3);
            return switch (what) {
                case "nothing" -> new BotTurn(List.of("Okay."), List.of(), next);
                case "score" -> new BotTurn(List.of("Great, thanks!"), List.of(), next.withTemperature(Temperature.HOT,
                        List.of("lead score 0.82, rule-based estimate", "timeline now (+0.30)", QUOTING_REASON)));
                case "price" -> new BotTurn(List.of("Homes like yours sell for about $450,000."), List.of(), next)
                        .withProposals(List.of(new ProposedAction.PriceOpinion()));
                default -> new BotTurn(List.of("Done."), List.of(action(what)), next);
            };
        };
    }

    private CrmAction action(String type) {
        Instant at = slot();
        return switch (type) {
            case "AddTags" -> new CrmAction.AddTags(List.of("audit-test"));
            case "UpdateFields" -> new CrmAction.UpdateFields(Map.of("contact.seller_timeline", "3 months"));
            case "MoveOpportunity" -> new CrmAction.MoveOpportunity("Hot Lead");
            case "MarkDoNotDisturb" -> new CrmAction.MarkDoNotDisturb("asked to stop");
            case "HandOff" -> new CrmAction.HandOff("asked for a call");
            case "BookAppointment" -> new CrmAction.BookAppointment(AppointmentPurpose.CALL, at, at.plus(Duration.ofMinutes(30)),
                    "You're booked.", "That time was just taken.", null);
            case "CancelAppointment" -> new CrmAction.CancelAppointment("Cancelled.", null);
            case "ScheduleFollowUps" -> new CrmAction.ScheduleFollowUps(clock.instant(), List.of(86_400L));
            default -> throw new IllegalArgumentException("no CRM action " + type);
        };
    }

    /** Tomorrow on the hour: a slot in the team's day whatever the test's clock did before. */
    private Instant slot() {
        return clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    }

    private void say(String contact, String text) {
        clock.advance(Duration.ofMinutes(2));
        process(GhlWebhooks.inboundSms(LOC, contact, text, clock.instant()));
    }

    private void process(String body) {
        rig.worker.messages().process(body, 0);
    }

    /** Holds a price opinion for the contact; its action id. */
    private String hold(String contact) throws Exception {
        say(contact, "do price");
        return json.readTree(started(APPROVAL, contact).path("input").asText()).path("actionId").asText();
    }

    private void decide(String contact, String actionId, String decision) {
        rig.worker.messages().process(json.createObjectNode().put("type", WorkflowMessage.APPROVAL_DECIDED)
                .put("contactId", contact).put("locationId", LOC).put("actionId", actionId).put("kind", "price_opinion")
                .put("decision", decision).put("decidedBy", "location")
                .put("execution", APPROVAL.replace(":stateMachine:", ":execution:") + ":ap-" + actionId).toString(),
                WorkflowMessage.APPROVAL_DECIDED, 0);
    }

    private JsonNode started(String machine, String contact) throws Exception {
        for (StepFunctionsStandIn.Call call : sfn.calls("StartExecution")) {
            if (call.body().path("stateMachineArn").asText().equals(machine)
                    && json.readTree(call.body().path("input").asText()).path("contactId").asText().equals(contact)) {
                return call.body();
            }
        }
        throw new AssertionError("no " + machine + " execution for " + contact + " among "
                + Arrays.toString(sfn.calls("StartExecution").stream().map(c -> c.body().path("name").asText()).toArray()));
    }

    private String deal(String contact, String status) {
        clock.advance(Duration.ofHours(1));
        return GhlWebhooks.envelope("OpportunityStatusUpdate", LOC, clock.instant()).put("id", "opp-" + contact)
                .put("contactId", contact).put("pipelineId", "pipe-1").put("status", status).toString();
    }

    private long entries(String contact, String action) throws Exception {
        return rig.count("SELECT count(*) FROM audit_log WHERE contact_id = '" + contact + "' AND action = '" + action + "'");
    }
}
