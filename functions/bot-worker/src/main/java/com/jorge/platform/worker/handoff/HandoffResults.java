package com.jorge.platform.worker.handoff;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a hot-lead hand-off: the agent who took the lead becomes its owner in GHL; a lead nobody
 * took is tagged for the team (the workflow has already alerted ops). Recorded once per execution; a
 * redelivery repeats only the GHL calls, which are idempotent.
 */
public final class HandoffResults {

    private static final Logger log = LoggerFactory.getLogger(HandoffResults.class);
    public static final String UNCLAIMED_TAG = "jorge-handoff-unclaimed";
    public static final String ACCEPTED_TAG = "jorge-handoff-accepted";

    private final Transactor db;
    private final WebhookEventRepository results;
    private final AuditLog audit;
    private final GhlApiClient ghl;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public HandoffResults(Transactor db, WebhookEventRepository results, AuditLog audit, GhlApiClient ghl,
                                PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.results = results;
        this.audit = audit;
        this.ghl = ghl;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void handle(WorkflowMessage.HandoffResult message, String body) {
        LeadRef lead = message.lead();
        String type = switch (message) {
            case WorkflowMessage.HandoffAccepted a -> WorkflowMessage.HANDOFF_ACCEPTED;
            case WorkflowMessage.HandoffUnclaimed u -> WorkflowMessage.HANDOFF_UNCLAIMED;
        };
        String key = type + ":" + message.executionName();
        Optional<WebhookEventRepository.Status> before = db.inTransaction(c -> {
            Optional<WebhookEventRepository.Status> status = results.status(c, lead.locationId(), key);
            if (status.isEmpty()) {
                results.claim(c, lead.locationId(), key, type, lead.contactId(), body, clock.instant(),
                        WebhookEventRepository.Status.DECIDED);
                switch (message) {
                    case WorkflowMessage.HandoffAccepted a ->
                            audit.record(c, lead, AuditLog.Actor.HUMAN, AuditedAction.HANDOFF_ACCEPTED.code(), Map.of("agentId", a.agentId()));
                    case WorkflowMessage.HandoffUnclaimed u ->
                            audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.HANDOFF_UNCLAIMED.code(), Map.of("agentsTried", u.agentsTried()));
                }
            }
            return status;
        });
        if (before.isPresent() && before.get() == WebhookEventRepository.Status.DONE) return;
        switch (message) {
            case WorkflowMessage.HandoffAccepted a -> {
                ghl.assignContact(lead, a.agentId());
                ghl.addTags(lead, List.of(ACCEPTED_TAG));
            }
            case WorkflowMessage.HandoffUnclaimed u -> ghl.addTags(lead, List.of(UNCLAIMED_TAG));
        }
        db.inTransaction(c -> {
            results.markDone(c, lead.locationId(), key);
            return null;
        });
        metrics.count(PlatformMetrics.HANDOFF_RESULTS, type);
        log.info("hot-lead hand-off ended: {}", type);
    }
}
