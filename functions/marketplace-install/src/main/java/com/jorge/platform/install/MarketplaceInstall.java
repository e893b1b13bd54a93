package com.jorge.platform.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.ghl.api.GhlApiException;
import com.jorge.platform.ghl.api.GhlAuthorizationException;
import com.jorge.platform.ghl.oauth.GhlOAuthClient;
import com.jorge.platform.ghl.oauth.Installation;
import com.jorge.platform.ghl.oauth.InstallationStore;
import com.jorge.platform.ghl.oauth.InvalidGrantException;
import com.jorge.platform.ghl.oauth.LocationTokens;
import com.jorge.platform.ghl.oauth.TokenGrant;
import com.jorge.platform.ghl.oauth.TokenSealer;
import com.jorge.platform.intake.SignatureVerifier;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.storage.StorageException;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Marketplace app's side of an install: the OAuth callback turns the authorization code into
 * tokens (an agency's into a token per approved location through {@code /oauth/locationToken}), and
 * the signed INSTALL / UNINSTALL webhooks keep {@code ghl_installations} right (an uninstall deletes the
 * tokens at once and is audited). What cannot be stored right now is {@link InstallOutcome.Unavailable}
 * (a 429 to GHL, which retries only that), never an error that loses the event.
 */
public final class MarketplaceInstall {

    private static final Logger log = LoggerFactory.getLogger(MarketplaceInstall.class);

    private final SignatureVerifier signatures;
    private final GhlOAuthClient oauth;
    private final Transactor transactor;
    private final InstallationStore store;
    private final TokenSealer sealer;
    private final LocationTokens tokens;
    private final ObjectMapper json;
    private final Clock clock;
    private final RequestLimits locationLimits;

    public MarketplaceInstall(SignatureVerifier signatures, GhlOAuthClient oauth, Transactor transactor, InstallationStore store,
                              TokenSealer sealer, LocationTokens tokens, ObjectMapper json, Clock clock) {
        this(signatures, oauth, transactor, store, sealer, tokens, json, clock, null);
    }

    /**
     * {@code locationLimits} (nullable): each location's (or agency's) bucket for INSTALL / UNINSTALL, taken once the
     * event is authentic and names it, before anything is stored; over it the event is {@link InstallOutcome.Limited}.
     */
    public MarketplaceInstall(SignatureVerifier signatures, GhlOAuthClient oauth, Transactor transactor, InstallationStore store,
                              TokenSealer sealer, LocationTokens tokens, ObjectMapper json, Clock clock,
                              RequestLimits locationLimits) {
        this.locationLimits = locationLimits;
        this.signatures = signatures;
        this.oauth = oauth;
        this.transactor = transactor;
        this.store = store;
        this.sealer = sealer;
        this.tokens = tokens;
        this.json = json;
        this.clock = clock;
    }

    /** The admin's browser back from GHL's consent page with {@code ?code=}. */
    public InstallOutcome callback(String code) {
        if (code == null || code.isBlank() || code.length() > 2048) {
            return new InstallOutcome.Rejected(400, "invalid_request", "code", "the authorization code is missing");
        }
        TokenGrant grant;
        try {
            grant = oauth.exchangeCode(code);
        } catch (InvalidGrantException e) {
            return new InstallOutcome.Rejected(400, "invalid_grant", "code", "GHL refused the code (already used or expired): install again");
        } catch (GhlApiException e) {
            return e.retryable() ? new InstallOutcome.Unavailable("GHL's token endpoint is unavailable")
                    : new InstallOutcome.Rejected(502, "token_exchange_failed", null, "GHL did not exchange the code (status " + e.status() + ")");
        }
        if (grant.resourceId() == null) {
            return new InstallOutcome.Rejected(502, "token_exchange_failed", null, "GHL's token names no location or company");
        }
        // the code is spent: whatever fails from here must not lose the grant, so it is stored first
        try {
            save(grant);
        } catch (RuntimeException e) {
            log.error("an installation's tokens could not be stored ({}); the installing admin must install again", e.getClass().getSimpleName());
            return new InstallOutcome.Unavailable("the installation could not be stored");
        }
        List<String> minted = grant.forCompany() ? mintLocations(grant.companyId(), grant.approvedLocations()) : List.of(grant.locationId());
        log.info("GHL app installed for {} {} ({} location tokens)", grant.userType(), grant.resourceId(), minted.size());
        return new InstallOutcome.Installed(grant.resourceId(), minted);
    }

    /** A signed INSTALL or UNINSTALL webhook, verified over the raw body before anything reads it. */
    public InstallOutcome appEvent(byte[] body, String rsaSignature, String ed25519Signature) {
        switch (signatures.verify(body, rsaSignature, ed25519Signature)) {
            case MISSING -> {
                return new InstallOutcome.Rejected(401, "signature_missing", null, "X-GHL-Signature header is required");
            }
            case INVALID -> {
                return new InstallOutcome.Rejected(401, "signature_invalid", null, "signature does not match the body");
            }
            case VALID -> { }
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            return new InstallOutcome.Rejected(400, "invalid_body", "$", "body is not JSON");
        }
        if (event == null || !event.isObject()) return new InstallOutcome.Rejected(400, "invalid_body", "$", "body is not a JSON object");
        String type = event.path("type").asText("");
        if (!type.equals("INSTALL") && !type.equals("UNINSTALL")) return new InstallOutcome.LeadEvent(type);
        for (String field : List.of("locationId", "companyId")) {
            if (event.hasNonNull(field) && id(event, field).isEmpty()) {
                return new InstallOutcome.Rejected(400, "invalid_body", field, field + " must be a GHL id");
            }
        }
        Optional<String> locationId = id(event, "locationId");
        Optional<String> companyId = id(event, "companyId");
        if (locationId.isEmpty() && companyId.isEmpty()) {
            return new InstallOutcome.Rejected(400, "invalid_body", "locationId", "locationId or companyId is required");
        }
        if (locationLimits != null
                && locationLimits.location(locationId.orElseGet(companyId::get)) instanceof RequestLimits.Verdict.Limited l) {
            return new InstallOutcome.Limited("location", l.retryAfterSeconds());
        }
        try {
            return type.equals("UNINSTALL") ? uninstall(locationId, companyId) : install(locationId.orElse(null), companyId);
        } catch (RuntimeException e) {
            // the database, KMS or GHL's token endpoint: GHL retries a 429 only, so an authentic event never gets a 5xx
            log.error("GHL app event {} could not be applied now: {}", type, e.getClass().getSimpleName());
            return new InstallOutcome.Unavailable("the installation could not be updated now");
        }
    }

    private InstallOutcome uninstall(Optional<String> locationId, Optional<String> companyId) {
        List<String> gone = transactor.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            if (locationId.isPresent()) {
                if (store.uninstall(c, locationId.get(), clock.instant())) out.add(locationId.get());
            } else {
                store.uninstall(c, companyId.get(), clock.instant());
                for (String location : store.locationsOf(c, companyId.get())) {
                    if (store.uninstall(c, location, clock.instant())) out.add(location);
                }
            }
            return out;
        });
        log.info("GHL app uninstalled: tokens of {} location(s) deleted", gone.size());
        return new InstallOutcome.Uninstalled(gone);
    }

    /**
     * A location-level install's tokens come with the callback; an agency's location (GHL names its
     * companyId) gets a token minted from the agency's now, so an install that the callback could not
     * complete is completed by GHL's retry of this webhook.
     */
    private InstallOutcome install(String locationId, Optional<String> companyId) {
        if (locationId == null) return new InstallOutcome.Acknowledged("agency install: tokens come with the callback");
        boolean active = transactor.inTransaction(c -> store.find(c, locationId, false)
                .filter(i -> i.status() == Installation.Status.ACTIVE).isPresent());
        if (active || companyId.isEmpty()) return new InstallOutcome.Acknowledged("install recorded with the callback");
        boolean agencyInstalled = transactor.inTransaction(c -> store.find(c, companyId.get(), false)
                .filter(i -> i.status() == Installation.Status.ACTIVE && TokenGrant.COMPANY.equals(i.userType()))
                .isPresent());
        if (!agencyInstalled) return new InstallOutcome.Acknowledged("install recorded with the callback");
        List<String> minted = mintLocations(companyId.get(), List.of(locationId));
        return minted.isEmpty() ? new InstallOutcome.Unavailable("the location's token could not be minted yet")
                : new InstallOutcome.Installed(locationId, minted);
    }

    /** Location tokens from the agency's; a location that fails now is minted when its INSTALL webhook comes (or comes again). */
    private List<String> mintLocations(String companyId, List<String> locations) {
        List<String> minted = new ArrayList<>();
        for (String locationId : locations) {
            try {
                save(oauth.locationToken(tokens.accessToken(companyId), companyId, locationId));
                minted.add(locationId);
            } catch (GhlApiException | StorageException | InvalidGrantException | GhlAuthorizationException e) {
                log.warn("no token minted yet for location {} of agency {}: {}", locationId, companyId, e.getClass().getSimpleName());
            }
        }
        return minted;
    }

    private void save(TokenGrant grant) {
        TokenSealer.SealedGrant sealed = sealer.seal(grant.resourceId(), grant.accessToken(), grant.refreshToken());
        transactor.inTransaction(c -> {
            store.install(c, grant, sealed, clock.instant());
            return null;
        });
    }

    private static Optional<String> id(JsonNode event, String field) {
        String v = event.path(field).asText("");
        return v.matches("[A-Za-z0-9_-]{1,64}") ? Optional.of(v) : Optional.empty();
    }

    /** The answer's fields, for the handler. */
    static Map<String, Object> describe(InstallOutcome outcome) {
        return switch (outcome) {
            case InstallOutcome.Installed i -> Map.of("status", "installed", "locations", i.locations().size());
            case InstallOutcome.Uninstalled u -> Map.of("status", "uninstalled", "locations", u.locations().size());
            case InstallOutcome.Acknowledged a -> Map.of("status", "ok", "reason", a.reason());
            case InstallOutcome.LeadEvent e -> Map.of("status", "ok", "reason", "not an app event");
            case InstallOutcome.Rejected r -> r.field() == null ? Map.of("error", r.reason(), "message", r.message())
                    : Map.of("error", r.reason(), "field", r.field(), "message", r.message());
            case InstallOutcome.Unavailable u -> Map.of("error", "try_later", "message", u.message());
            case InstallOutcome.Limited l -> Map.of("error", "rate_limited", "message", l.scope().equals("client")
                    ? "this address sends faster than its limit; retry later" : "this location sends faster than its limit; retry later");
        };
    }
}
