package com.jorge.platform.inbox.approvals;

import java.time.Instant;
import java.util.List;

/** An action the bot proposed that waits for a person (or was decided by one). */
public record Approval(String approvalId, String locationId, String contactId, String actionKind, String summary,
                       List<String> rules, String assignee, Status status, Instant createdAt, Instant expiresAt,
                       String decidedBy, String decisionReason) {

    public enum Status { PENDING, APPROVED, REJECTED, EXPIRED }
}
