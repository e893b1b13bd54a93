package com.jorge.platform.ghl.oauth;

import java.time.Duration;
import java.util.List;

/**
 * What GHL's token endpoints answered: an access token, for a Location or a Company (agency), and a
 * refresh token (none for a location token minted from an agency's). Never printed with its tokens.
 */
public record TokenGrant(String accessToken, String refreshToken, Duration expiresIn, String userType,
                         String locationId, String companyId, String scope, List<String> approvedLocations) {

    public static final String LOCATION = "Location";
    public static final String COMPANY = "Company";

    public TokenGrant {
        if (accessToken == null || accessToken.isBlank()) throw new IllegalArgumentException("access_token is missing");
        if (expiresIn == null || expiresIn.isNegative() || expiresIn.isZero()) throw new IllegalArgumentException("expires_in must be positive");
        approvedLocations = approvedLocations == null ? List.of() : List.copyOf(approvedLocations);
    }

    public boolean forCompany() {
        return COMPANY.equals(userType);
    }

    /** The location or company the token acts for. */
    public String resourceId() {
        return forCompany() ? companyId : locationId;
    }

    @Override
    public String toString() {
        return "TokenGrant[userType=" + userType + ", locationId=" + locationId + ", companyId=" + companyId
                + ", expiresIn=" + expiresIn + ", tokens=***]";
    }
}
