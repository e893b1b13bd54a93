package com.jorge.platform.inbox.mfa;

/** Whether a user of the pool has a second factor turned on (then Cognito asked for it at sign-in). */
public interface MfaSettings {

    boolean hasTotp(String userPoolId, String userName);
}
