package com.jorge.platform.intake;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.SqsLeadEventQueue;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/** Builds the intake from configuration: once per Lambda container, or once in the local runtime. */
public final class IntakeFunction {

    /**
     * How old a delivery's signed timestamp may be. GHL retries a delivery answered 429 up to 6 times
     * about 10 minutes apart, and whether a retry is signed anew is not documented: a retry carrying the
     * original timestamp must still be accepted, or the 429 would save nothing. Replays within it are
     * caught by the webhookId (Redis, then the worker's idempotency record).
     */
    public static final Duration MAX_DELIVERY_AGE = Duration.ofMinutes(75);
    /** How far ahead of our clock a timestamp may be. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
    /** How long one send to SQS may take, retries included, before the webhook is answered 429. */
    public static final Duration SEND_DEADLINE = Duration.ofSeconds(5);

    private IntakeFunction() {}

    /** AWS: SQS FIFO from LEAD_EVENTS_QUEUE_URL. */
    public static WebhookIntake fromConfig(PlatformConfig config, PlatformMetrics metrics) {
        return fromConfig(config, new SqsLeadEventQueue(queueClient().build(), config.require("LEAD_EVENTS_QUEUE_URL")),
                metrics);
    }

    /**
     * The SQS client intake sends with. A send normally takes milliseconds; the deadlines make a hung or
     * refusing SQS a 429 after at most 5 s (the SDK's retries included), well inside the function's 10 s
     * timeout, past which API Gateway would answer 5xx and GHL would drop the event.
     */
    public static SqsClientBuilder queueClient() {
        return SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(2)).build())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(SEND_DEADLINE));
    }

    /** The keys every endpoint GHL calls verifies with (the install webhooks' too). */
    public static SignatureVerifier signatureVerifier(PlatformConfig config) {
        PublicKey ed25519 = SignatureVerifier.publicKeyFromPem(
                config.get("GHL_WEBHOOK_ED25519_PUBLIC_KEY").orElseGet(SignatureVerifier::ghlPublishedEd25519Key), "Ed25519");
        // legacy: GHL stopped RSA signatures on 1 July 2026; only an operator's own key turns them back on
        PublicKey rsa = config.get("GHL_WEBHOOK_RSA_PUBLIC_KEY")
                .map(pem -> SignatureVerifier.publicKeyFromPem(pem, "RSA")).orElse(null);
        return new SignatureVerifier(rsa, ed25519);
    }

    public static WebhookIntake fromConfig(PlatformConfig config, LeadEventQueue queue, PlatformMetrics metrics) {
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofMillis(100));
        CacheKeys keys = new CacheKeys(config.get("REDIS_NAMESPACE", "jorge"));
        // WEBHOOK_LIMIT_PER_LOCATION_PER_MINUTE (3000): an authentic event over its location's bucket is answered 429;
        // WEBHOOK_LIMIT_PER_CLIENT_PER_MINUTE (12000) per source address, before the signature: GHL delivers every
        // location's events from a few addresses, so this must stay above GHL's whole delivery rate
        RequestLimits limits = RequestLimits.fromConfig(config, "webhook",
                new RequestLimits.Limit(config.getInt("WEBHOOK_LIMIT_PER_CLIENT_PER_MINUTE", 12_000)),
                new RequestLimits.Limit(config.getInt("WEBHOOK_LIMIT_PER_LOCATION_PER_MINUTE", 3000)));
        return new WebhookIntake(signatureVerifier(config), new GhlEventParser(PlatformJson.mapper()),
                new ReplayGuard(redis, keys, Clock.systemUTC(), MAX_DELIVERY_AGE, MAX_CLOCK_AHEAD), queue, metrics,
                Clock.systemUTC(), limits);
    }
}
