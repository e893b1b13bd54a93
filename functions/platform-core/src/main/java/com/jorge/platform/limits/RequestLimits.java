package com.jorge.platform.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Token buckets in Redis (Bucket4j over Lettuce), one per client address and one per location, shared by
 * every Lambda container: the public endpoints' rate limits (the agents' inbox, the webhook intake). A
 * request over a limit is answered 429 with {@code Retry-After}. Redis being unreachable lets requests
 * through: the limits protect the platform, and losing them for a while is better than refusing everyone.
 */
public final class RequestLimits {

    /** {@code perMinute} tokens refilled over a minute, at most {@code perMinute} at once. */
    public record Limit(long perMinute) {
        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build();
        }
    }

    public sealed interface Verdict {
        record Allowed() implements Verdict {}
        record Limited(long retryAfterSeconds) implements Verdict {}
    }

    /** A limit check must never hold a request for Lettuce's default 60 s while a node fails over. */
    private static final Duration LIMIT_CHECK_TIMEOUT = Duration.ofMillis(300);

    private final ProxyManager<byte[]> buckets;
    private final String namespace;
    private final Limit perClient;
    private final Limit perLocation;
    private final String route;

    /**
     * {@code route} keeps this endpoint's buckets apart from the others': Bucket4j keeps the configuration a bucket
     * was created with, so two endpoints with different limits must not share a client's or a location's key (the
     * intake's 3,000 a minute per location drained the inbox's 600 when they did).
     */
    public RequestLimits(ProxyManager<byte[]> buckets, String namespace, String route, Limit perClient, Limit perLocation) {
        this.buckets = buckets;
        this.namespace = namespace;
        this.route = java.util.Objects.requireNonNull(route, "route");
        this.perClient = perClient;
        this.perLocation = perLocation;
    }

    /**
     * On the platform's Redis as configured (REDIS_URL, REDIS_CLUSTER with a comma-separated seed list,
     * REDIS_AUTH), with the endpoint's own buckets ({@code ratelimit:<route>:client:...}); null when no Redis is
     * configured, and then nothing is limited.
     */
    public static RequestLimits fromConfig(com.jorge.platform.config.PlatformConfig config, String route, Limit perClient,
                                           Limit perLocation) {
        String url = config.get("REDIS_URL").orElse(null);
        if (url == null) return null;
        var uris = com.jorge.platform.cache.RedisConnector.nodes(url, config.get("REDIS_AUTH").orElse(null));
        String namespace = config.get("REDIS_NAMESPACE", "jorge");
        io.lettuce.core.TimeoutOptions timeouts = io.lettuce.core.TimeoutOptions.enabled(LIMIT_CHECK_TIMEOUT);
        if (config.getBoolean("REDIS_CLUSTER", false)) {
            var cluster = io.lettuce.core.cluster.RedisClusterClient.create(uris);
            // the cache client's failover options: Lettuce's defaults kept routing to a dead master for 40 s
            cluster.setOptions(com.jorge.platform.cache.RedisConnector.clusterOptions(LIMIT_CHECK_TIMEOUT));
            return new RequestLimits(expiring(Bucket4jLettuce.casBasedBuilder(cluster)), namespace, route, perClient, perLocation);
        }
        RedisClient standalone = RedisClient.create(uris.get(0));
        standalone.setOptions(io.lettuce.core.ClientOptions.builder().timeoutOptions(timeouts)
                .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return new RequestLimits(expiring(Bucket4jLettuce.casBasedBuilder(standalone)), namespace, route, perClient, perLocation);
    }

    private static ProxyManager<byte[]> expiring(Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder) {
        return builder.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                .build();
    }

    public Verdict client(String address) {
        return take("client", address, perClient);
    }

    public Verdict location(String locationId) {
        return take("location", locationId, perLocation);
    }

    private Verdict take(String scope, String key, Limit limit) {
        byte[] id = (namespace + ":ratelimit:" + route + ":" + scope + ":" + (key == null ? "-" : key))
                .getBytes(StandardCharsets.UTF_8);
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(id, limit::bucket).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException redisDown) {
            return new Verdict.Allowed();
        }
        if (probe.isConsumed()) return new Verdict.Allowed();
        return new Verdict.Limited(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
