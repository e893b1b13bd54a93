package com.jorge.platform.inbox.auth;

import com.jorge.platform.storage.Transactor;

import java.util.Map;

/** Turns an {@code Authorization} header into a {@link Caller}, or refuses (401 / 403). */
public final class Callers {

    private final AccessTokens tokens;
    private final Members members;
    private final Transactor db;

    public Callers(AccessTokens tokens, Members members, Transactor db) {
        this.tokens = tokens;
        this.members = members;
        this.db = db;
    }

    public Caller of(String authorization) {
        AccessTokens.Verified token = tokens.verify(authorization);
        Role role = Role.strongest(token.groups())
                .orElseThrow(() -> AccessDenied.forbidden("the user is in none of the groups admin, team_lead, agent"));
        Map<String, Caller.Membership> memberships = db.inTransaction(c -> members.of(c, token.subject()));
        if (memberships.isEmpty()) throw AccessDenied.forbidden("the user belongs to no location");
        return new Caller(token.subject(), role, memberships);
    }
}
