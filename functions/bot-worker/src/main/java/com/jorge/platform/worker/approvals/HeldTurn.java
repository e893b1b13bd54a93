package com.jorge.platform.worker.approvals;

import com.jorge.platform.conversation.LeadRef;

import java.util.List;

/**
 * A bot turn whose replies and CRM actions wait for a person: they carry {@code outboxId} in the outbox,
 * marked {@code awaiting_approval}; {@code actionId} names the approval workflow's run.
 */
public record HeldTurn(String actionId, LeadRef lead, String outboxId, String kind, String summary, List<String> rules) {
    public HeldTurn {
        rules = List.copyOf(rules);
    }
}
