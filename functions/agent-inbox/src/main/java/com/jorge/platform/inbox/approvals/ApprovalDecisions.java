package com.jorge.platform.inbox.approvals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inbox.Refused;
import com.jorge.platform.inbox.auth.AccessDenied;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.auth.Members;
import com.jorge.platform.inbox.offers.AgentNotices;
import com.jorge.platform.inbox.offers.WorkflowTasks;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person approves, rejects (with a reason) or reassigns an action the bot proposed. Team leads and
 * admins decide their locations' approvals; an agent only one reassigned to them. Approving or rejecting
 * answers the approval workflow's task token ({@code {"decision": "approved" | "rejected"}}): approved runs
 * the action, rejected sends the lead the safe fallback. The answer is stored once the workflow took it.
 */
public final class ApprovalDecisions {

    private static final Logger log = LoggerFactory.getLogger(ApprovalDecisions.class);

    static final int MAX_REASON = 500;

    private final Transactor db;
    private final ApprovalRepository approvals;
    private final Members members;
    private final WorkflowTasks tasks;
    private final AgentNotices notices;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ApprovalDecisions(Transactor db, ApprovalRepository approvals, Members members, WorkflowTasks tasks,
                             AgentNotices notices, AuditLog audit, ObjectMapper json, Clock clock) {
        this.db = db;
        this.approvals = approvals;
        this.members = members;
        this.tasks = tasks;
        this.notices = notices;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public List<Approval> pending(Caller caller) {
        Instant now = clock.instant();
        return db.inTransaction(c -> approvals.pending(c, caller.locations(), now)).stream()
                .filter(a -> mayDecide(caller, a)).toList();
    }

    public Approval approve(Caller caller, String approvalId) {
        return decide(caller, approvalId, Approval.Status.APPROVED, null);
    }

    public Approval reject(Caller caller, String approvalId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw Refused.invalid("reason", "say why you reject (1 to " + MAX_REASON + " characters)");
        }
        return decide(caller, approvalId, Approval.Status.REJECTED, why);
    }

    /**
     * Hands the approval to another person of the same location (by their GHL user id), who hears of it through
     * GHL on the location's channel. A notice GHL refuses does not undo the hand-over: it shows in their inbox.
     */
    public Approval reassign(Caller caller, String approvalId, String ghlUserId) {
        if (ghlUserId == null || ghlUserId.isBlank()) throw Refused.invalid("ghlUserId", "name the person to hand it to");
        record Reassigned(Approval approval, String notifyContactId, AgentNotices.Channel channel) {}
        Reassigned done = db.inTransaction(c -> {
            Approval a = open(c, caller, approvalId);
            var person = members.byGhlUser(c, a.locationId(), ghlUserId);
            if (person.isEmpty()) throw Refused.invalid("ghlUserId", "nobody of this location has that GHL user id");
            approvals.reassign(c, a.approvalId(), ghlUserId);
            audit(c, a, caller, "approval_reassigned", Map.of("by", caller.subject(), "to", ghlUserId));
            return new Reassigned(approvals.lock(c, a.approvalId()).orElseThrow(), person.get().notifyContactId(),
                    notices.channel(c, a.locationId()));
        });
        if (done.notifyContactId() != null && done.channel() != AgentNotices.Channel.OFF) {
            try {
                notices.send(done.channel(), done.approval().locationId(), done.notifyContactId(),
                        "An approval was handed to you", "approval/" + done.approval().approvalId());
            } catch (RuntimeException e) {
                log.warn("reassigned approval's notice not sent ({})", e.getClass().getSimpleName());
            }
        }
        return done.approval();
    }

    private Approval decide(Caller caller, String approvalId, Approval.Status status, String reason) {
        record Outcome(Approval approval, boolean expired) {}
        Outcome outcome = db.inTransaction(c -> {
            Approval a = open(c, caller, approvalId);
            Instant now = clock.instant();
            WorkflowTasks.Answer answer = !now.isBefore(a.expiresAt()) ? WorkflowTasks.Answer.GONE
                    : tasks.succeed(approvals.taskToken(c, a.approvalId()), json.createObjectNode()
                            .put("decision", status == Approval.Status.APPROVED ? "approved" : "rejected").toString());
            if (answer == WorkflowTasks.Answer.GONE) {
                approvals.decide(c, a.approvalId(), Approval.Status.EXPIRED, null, null, now);
                return new Outcome(a, true);
            }
            approvals.decide(c, a.approvalId(), status, caller.subject(), reason, now);
            audit(c, a, caller, status == Approval.Status.APPROVED ? "approval_approved" : "approval_rejected",
                    reason == null ? Map.of("by", caller.subject(), "kind", a.actionKind())
                            : Map.of("by", caller.subject(), "kind", a.actionKind(), "reason", reason));
            return new Outcome(approvals.lock(c, a.approvalId()).orElseThrow(), false);
        });
        if (outcome.expired()) {
            throw new Refused(410, "approval_expired", null, "the approval's deadline passed: the lead got the safe fallback");
        }
        return outcome.approval();
    }

    private Approval open(java.sql.Connection c, Caller caller, String approvalId) throws java.sql.SQLException {
        Approval a = approvals.lock(c, approvalId).filter(x -> caller.belongsTo(x.locationId()))
                .orElseThrow(() -> AccessDenied.notFound("approval"));
        if (!mayDecide(caller, a)) throw AccessDenied.forbidden("this approval is for the team lead or the person it was handed to");
        if (a.status() != Approval.Status.PENDING) {
            throw new Refused(409, "already_decided", null, "this approval was already " + a.status().name().toLowerCase());
        }
        return a;
    }

    private static boolean mayDecide(Caller caller, Approval a) {
        return caller.role().overseesLocation() || (a.assignee() != null && caller.is(a.locationId(), a.assignee()));
    }

    /** A batch's approval (re-engagement) is about no one lead: its entries carry no contact, as install entries. */
    private void audit(java.sql.Connection c, Approval a, Caller caller, String action, Map<String, ?> detail)
            throws java.sql.SQLException {
        Object reason = detail.get("reason");
        audit.record(c, a.locationId(), a.contactId(), AuditLog.Actor.HUMAN, caller.subject(), action,
                reason == null ? null : reason.toString(), detail);
    }
}
