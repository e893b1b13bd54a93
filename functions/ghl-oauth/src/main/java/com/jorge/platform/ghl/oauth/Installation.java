package com.jorge.platform.ghl.oauth;

import java.time.Instant;

/** One row of {@code ghl_installations}: a location's or an agency's installation, tokens still sealed. */
public record Installation(String resourceId, String userType, String companyId, Status status,
                           byte[] dataKey, byte[] accessToken, byte[] refreshToken, Instant accessExpiresAt) {

    public enum Status { ACTIVE, BROKEN, UNINSTALLED }

    /** Whether the access token is still good for {@code ahead} from {@code now}. */
    public boolean freshAt(Instant now, java.time.Duration ahead) {
        return status == Status.ACTIVE && accessExpiresAt != null && accessExpiresAt.isAfter(now.plus(ahead));
    }

    /** A location token minted from its agency's token (GHL gives it no refresh token of its own). */
    public boolean mintedFromAgency() {
        return TokenGrant.LOCATION.equals(userType) && refreshToken == null && companyId != null;
    }

    @Override
    public String toString() {
        return "Installation[" + resourceId + ", " + userType + ", " + status + ", expires " + accessExpiresAt + "]";
    }
}
