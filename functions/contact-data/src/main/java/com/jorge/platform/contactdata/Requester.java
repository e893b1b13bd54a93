package com.jorge.platform.contactdata;

import com.jorge.platform.storage.AuditLog;

/**
 * Who asks for an export or an erasure, and why: it goes into the audit entry.
 *
 * @param actorId the admin's user id (the API route) or the operator's name (the command)
 * @param reason  why, such as "data subject request 2026-118"; never the person's data
 */
public record Requester(AuditLog.Actor actor, String actorId, String reason) {

    public Requester {
        if (actor == null) throw new IllegalArgumentException("actor is required");
        if (actorId == null || actorId.isBlank()) throw new IllegalArgumentException("actorId is required: who asked");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason is required: why");
    }
}
