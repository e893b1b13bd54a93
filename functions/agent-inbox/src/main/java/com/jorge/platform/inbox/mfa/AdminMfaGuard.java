package com.jorge.platform.inbox.mfa;

import java.util.Collection;

/**
 * Admins must sign in with a second factor (issue 14). The user pool's MFA is optional for agents and team
 * leads; a member of the {@code admin} group without TOTP turned on gets no tokens at all: Cognito asks
 * whoever has TOTP for it at every sign-in, so "has TOTP" means "signed in with it".
 */
public final class AdminMfaGuard {

    public static final String ADMIN_GROUP = "admin";

    private final MfaSettings mfa;

    public AdminMfaGuard(MfaSettings mfa) {
        this.mfa = mfa;
    }

    /** Throws {@link AdminWithoutMfa} for an admin without TOTP; anyone else passes without a look-up. */
    public void check(String userPoolId, String userName, Collection<String> groups) {
        if (groups == null || !groups.contains(ADMIN_GROUP)) return;
        if (!mfa.hasTotp(userPoolId, userName)) throw new AdminWithoutMfa();
    }

    /** The message Cognito shows the page: it names what to do, not who asked. */
    public static final class AdminWithoutMfa extends RuntimeException {
        public AdminWithoutMfa() {
            super("Admins must turn on an authenticator app (TOTP) before signing in");
        }
    }
}
