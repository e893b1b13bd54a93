package com.jorge.platform.intake;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.SqsLeadEventQueue;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/** Builds the intake from configuration: once per Lambda container, or once in the local runtime. */
public final class IntakeFunction {

    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private IntakeFunction() {}

    /** AWS: SQS FIFO from LEAD_EVENTS_QUEUE_URL. */
    public static WebhookIntake fromConfig(PlatformConfig config, PlatformMetrics metrics) {
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return fromConfig(config, new SqsLeadEventQueue(sqs, config.require("LEAD_EVENTS_QUEUE_URL")), metrics);
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
        return new WebhookIntake(signatureVerifier(config), new GhlEventParser(PlatformJson.mapper()),
                new ReplayGuard(redis, keys, Clock.systemUTC(), REPLAY_WINDOW), queue, metrics, Clock.systemUTC());
    }
}
