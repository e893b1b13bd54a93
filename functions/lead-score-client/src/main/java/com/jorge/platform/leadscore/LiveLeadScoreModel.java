package com.jorge.platform.leadscore;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.models.features.FeatureSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The lead-score model that is live in the registry, followed over a container's life: the first
 * {@link #get()} loads it, and every {@code checkEvery} a look at {@code live.json} (one small S3 read)
 * swaps in a newly promoted version. Loading on first use, not at cold start, matters under SnapStart:
 * a model read during init would be frozen into the snapshot, and a model promoted after the deploy
 * would never reach the caller. A registry that cannot be read keeps the model already loaded; a live
 * model of another feature set than the caller encodes is refused (logged), never half-used.
 */
public final class LiveLeadScoreModel implements Supplier<Optional<LeadScoreClient>> {

    public static final Duration CHECK_EVERY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(LiveLeadScoreModel.class);

    private final LeadScoreSettings settings;
    private final S3Client s3;
    private final LiveModelLoader registry;
    private final String model;
    private final FeatureSet featureSet;
    private final ScoreMetrics.Sink sink;
    private final Clock clock;
    private final Duration checkEvery;

    private volatile LeadScoreClient client;
    private String liveVersion;
    private volatile Instant nextCheck = Instant.MIN;

    private LiveLeadScoreModel(LeadScoreSettings settings, S3Client s3, FeatureSet featureSet,
                               ScoreMetrics.Sink sink, Clock clock, Duration checkEvery) {
        this.settings = settings;
        this.s3 = s3;
        this.registry = new LiveModelLoader(s3, settings.bucket(), settings.prefix());
        this.model = settings.model();
        this.featureSet = featureSet;
        this.sink = sink;
        this.clock = clock;
        this.checkEvery = checkEvery;
    }

    /**
     * Follows the model the settings name ({@code MODEL_BUCKET}, {@code MODEL_PREFIX},
     * {@code LEAD_SCORE_MODEL}, {@code LEAD_SCORE_ENDPOINT}, {@code LEAD_SCORE_TIMEOUT_MS}).
     *
     * @param featureSet the feature set the caller encodes leads in; a live model of another is refused
     * @return empty when {@code MODEL_BUCKET} is unset (no registry to follow)
     * @throws IllegalArgumentException naming a malformed setting: at cold start, not on a lead's turn
     */
    public static Optional<LiveLeadScoreModel> follow(PlatformConfig config, S3Client s3, FeatureSet featureSet,
                                                      ScoreMetrics.Sink sink, Clock clock, Duration checkEvery) {
        Optional<LeadScoreSettings> parsed = LeadScoreSettings.fromConfig(config);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Objects.requireNonNull(s3, "s3: " + LeadScoreSettings.BUCKET + " is set, so an S3 client is needed");
        if (checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("checkEvery must be positive, was " + checkEvery);
        }
        return Optional.of(new LiveLeadScoreModel(parsed.get(), s3, featureSet, sink, clock, checkEvery));
    }

    /** The live model's client, empty while none is live. */
    @Override
    public Optional<LeadScoreClient> get() {
        if (!clock.instant().isBefore(nextCheck)) {
            refresh();
        }
        return Optional.ofNullable(client);
    }

    /** The version live.json named at the last look, loaded or refused; null while none is live. */
    public synchronized String liveVersion() {
        return liveVersion;
    }

    private synchronized void refresh() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return; // another thread looked meanwhile
        }
        nextCheck = now.plus(checkEvery);
        String was = liveVersion;
        try {
            String live = registry.liveVersion(model).orElse(null);
            if (Objects.equals(live, liveVersion)) {
                return;
            }
            liveVersion = live;
            // The replaced client is not closed: a turn on another thread may still be scoring with it.
            // Promotions are rare and a container lives hours, so its few MB of native memory are left to it.
            LeadScoreClient loaded = live == null ? null : LeadScoreClient.live(settings, s3, sink).orElse(null);
            if (loaded != null && loaded.featureSet() != featureSet) {
                log.error("lead score model {} version {} encodes {}, this caller {}: not used", model, live,
                        loaded.featureSet().version(), featureSet.version());
                loaded.close();
                loaded = null;
            }
            client = loaded;
            log.info("lead score model {}: {}", model, client == null ? "none usable, callers fall back"
                    : "version " + client.fallbackVersion() + " live");
        } catch (RuntimeException e) {
            liveVersion = was; // look again at the next check
            log.warn("lead score model {}: registry check failed, keeping {}: {}", model,
                    client == null ? "no model" : "version " + client.fallbackVersion(), e.toString());
        }
    }
}
