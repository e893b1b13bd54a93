package com.jorge.platform.ghl.oauth;

import com.jorge.platform.ghl.api.GhlApiException;
import com.jorge.platform.ghl.api.GhlTokens;
import com.jorge.platform.ghl.api.InstallationBrokenException;
import com.jorge.platform.ghl.api.LocationNotInstalledException;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.StorageException;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Each location's own OAuth token, from {@code ghl_installations}. A token is refreshed {@code refreshAhead}
 * of its expiry or when GHL refuses it; GHL's refresh token is single-use, so a refresh runs under the
 * installation's row lock ({@code SELECT ... FOR UPDATE}) and first looks whether another worker
 * refreshed while it waited: however many workers find the token expired, GHL sees one refresh. A
 * refused refresh ({@code invalid_grant}) marks the installation broken and is
 * {@link InstallationBrokenException} from then on; a location without an installation is
 * {@link LocationNotInstalledException}; a database or GHL failure is a retryable {@link GhlApiException}.
 */
public final class LocationTokens implements GhlTokens {

    private static final Logger log = LoggerFactory.getLogger(LocationTokens.class);

    private sealed interface Refresh {
        record Token(String accessToken) implements Refresh {}
        record Broken() implements Refresh {}
        record NotInstalled() implements Refresh {}
    }

    private final Transactor transactor;
    private final InstallationStore store;
    private final TokenSealer sealer;
    private final GhlOAuthClient oauth;
    private final Clock clock;
    private final Duration refreshAhead;
    private final PlatformMetrics metrics;

    public LocationTokens(Transactor transactor, InstallationStore store, TokenSealer sealer, GhlOAuthClient oauth,
                          Clock clock, Duration refreshAhead, PlatformMetrics metrics) {
        this.transactor = transactor;
        this.store = store;
        this.sealer = sealer;
        this.oauth = oauth;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.metrics = metrics;
    }

    @Override
    public String accessToken(String locationId) {
        Installation installation = stored(() -> transactor.inTransaction(c -> store.find(c, locationId, false)))
                .orElseThrow(() -> new LocationNotInstalledException(locationId));
        return switch (installation.status()) {
            case BROKEN -> throw new InstallationBrokenException(locationId);
            case UNINSTALLED -> throw new LocationNotInstalledException(locationId);
            case ACTIVE -> installation.freshAt(clock.instant(), refreshAhead)
                    ? sealer.openAccessToken(locationId, installation.dataKey(), installation.accessToken())
                    : refresh(locationId, null);
        };
    }

    @Override
    public Optional<String> afterRejection(String locationId, String rejected) {
        return Optional.of(refresh(locationId, rejected));
    }

    private String refresh(String locationId, String rejected) {
        Refresh result = stored(() -> transactor.inTransaction(c -> refreshLocked(c, locationId, rejected)));
        return switch (result) {
            case Refresh.Token t -> t.accessToken();
            case Refresh.Broken b -> throw new InstallationBrokenException(locationId);
            case Refresh.NotInstalled n -> throw new LocationNotInstalledException(locationId);
        };
    }

    /** Under the row lock: the token another worker just stored, or one refresh at GHL. */
    private Refresh refreshLocked(Connection c, String resourceId, String rejected) throws SQLException {
        Optional<Installation> found = store.find(c, resourceId, true);
        if (found.isEmpty() || found.get().status() == Installation.Status.UNINSTALLED) return new Refresh.NotInstalled();
        Installation installation = found.get();
        if (installation.status() == Installation.Status.BROKEN) return new Refresh.Broken();
        Instant now = clock.instant();
        String current = sealer.openAccessToken(resourceId, installation.dataKey(), installation.accessToken());
        if (installation.freshAt(now, refreshAhead) && !current.equals(rejected)) {
            return new Refresh.Token(current);
        }
        TokenGrant grant;
        try {
            grant = installation.mintedFromAgency()
                    ? mintFromAgency(c, installation)
                    : oauth.refresh(sealer.openRefreshToken(resourceId, installation.dataKey(), installation.refreshToken()),
                            installation.userType());
        } catch (InvalidGrantException e) {
            metrics.count(PlatformMetrics.GHL_TOKEN_REFRESHES, "invalid_grant");
            log.error("GHL refused the refresh token of installation {}: marked broken, its replies are held until a reinstall", resourceId);
            store.markBroken(c, resourceId, "invalid_grant", now);
            return new Refresh.Broken();
        }
        store.refreshed(c, resourceId, sealer.seal(resourceId, grant.accessToken(), grant.refreshToken()),
                now.plus(grant.expiresIn()), now);
        metrics.count(PlatformMetrics.GHL_TOKEN_REFRESHES, "refreshed");
        log.info("GHL token of installation {} refreshed", resourceId);
        return new Refresh.Token(grant.accessToken());
    }

    /** A location token minted from its agency's token, the agency's refreshed first under its own row lock when due. */
    private TokenGrant mintFromAgency(Connection c, Installation location) throws SQLException {
        Refresh agency = refreshLocked(c, location.companyId(), null);
        return switch (agency) {
            case Refresh.Token t -> oauth.locationToken(t.accessToken(), location.companyId(), location.resourceId());
            case Refresh.Broken b -> throw new InvalidGrantException("the agency installation is broken");
            case Refresh.NotInstalled n -> throw new InvalidGrantException("the agency installation is gone");
        };
    }

    private interface Read<T> {
        T get();
    }

    private static <T> T stored(Read<T> read) {
        try {
            return read.get();
        } catch (StorageException e) {
            throw GhlApiException.tokenUnavailable("GHL token store unavailable", e);
        }
    }
}
