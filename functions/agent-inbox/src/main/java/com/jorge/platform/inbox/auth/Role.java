package com.jorge.platform.inbox.auth;

import java.util.Collection;
import java.util.Optional;

/** The Cognito groups the inbox knows, strongest first: a user in several groups acts with the strongest. */
public enum Role {
    ADMIN("admin"), TEAM_LEAD("team_lead"), AGENT("agent");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    /** The strongest role among the token's groups; empty when it names none of ours. */
    public static Optional<Role> strongest(Collection<String> groups) {
        for (Role role : values()) {
            if (groups.contains(role.group)) return Optional.of(role);
        }
        return Optional.empty();
    }

    /** Team leads and admins oversee every lead and offer of their locations; an agent only their own. */
    public boolean overseesLocation() {
        return this != AGENT;
    }
}
