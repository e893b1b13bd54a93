package com.jorge.platform.leadscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.models.features.LeadAttributes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The registry through the real AWS SDK v2 S3 client against S3Mock in-process, as gpu-inference's S3RegistryTest. */
class LiveModelLoaderTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("registry").build();

    static final String BUCKET = "registry";
    static final String PREFIX = "models/";

    private static final Map<String, Object> LEAD = Map.of("age", 44, "job", "admin.", "education", "university.degree",
            "campaign", 1, "pdays", 999, "previous", 0, "euribor3m", 4.86);

    private static S3Client s3;
    private static InProcessLeadScorer reference;
    private String model;
    private LiveModelLoader loader;

    @BeforeAll
    static void client() {
        s3 = S3_MOCK.createS3ClientV2();
        reference = InProcessLeadScorer.bundled(InProcessLeadScorer.BUNDLED_VERSION);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @BeforeEach
    void freshModelName(TestInfo info) {
        model = "m-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
        loader = new LiveModelLoader(s3, BUCKET, "models");
    }

    static void put(String key, byte[] bytes) {
        s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(PREFIX + key).build(), RequestBody.fromBytes(bytes));
    }

    static void publish(String model, String version, TestModels.Files files) {
        put(model + "/" + version + "/model.onnx", files.model());
        put(model + "/" + version + "/metadata.json", files.metadata());
    }

    static void route(String model, String json) {
        put(model + "/live.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private String key(String rest) {
        return "s3://" + BUCKET + "/" + PREFIX + model + "/" + rest;
    }

    @Test
    void loadsTheLiveVersionAndScoresWithIt() {
        // the committed bank model, republished under this test's name as versions 3 and 4; 3 is live
        publish(model, "3", TestModels.bundledBank().renamed(model));
        publish(model, "4", TestModels.conversation(model, 0.5, 10, 1));
        route(model, "{\"live\": \"3\", \"canary\": {\"version\": \"4\", \"percent\": 10}}");

        Optional<InProcessLeadScorer> loaded = loader.load(model);

        assertThat(loaded).isPresent();
        try (InProcessLeadScorer scorer = loaded.get()) {
            assertThat(scorer.version()).isEqualTo("3");
            assertThat(scorer.modelName()).isEqualTo(model);
            assertThat(scorer.featureSet()).isSameAs(BankMarketingFeatureSet.INSTANCE);
            assertThat(scorer.hotThreshold()).isEqualTo(reference.hotThreshold());
            assertThat(scorer.score(LEAD)).isCloseTo(reference.score(LeadAttributes.fromMap(LEAD)), within(1e-9));
        }
    }

    @Test
    void aNamedVersionLoadsWhateverIsLiveAndAMissingOneIsRefusedNamingTheKey() {
        // the version a model_version experiment variant scores with: 4, while 3 stays live
        publish(model, "3", TestModels.bundledBank().renamed(model));
        publish(model, "4", TestModels.conversation(model, 0.5, 10, 1));
        route(model, "{\"live\": \"3\"}");

        try (InProcessLeadScorer scorer = loader.loadVersion(model, "4")) {
            assertThat(scorer.version()).isEqualTo("4");
            assertThat(scorer.featureSet()).isSameAs(ConversationFeatureSet.INSTANCE);
        }
        assertThatThrownBy(() -> loader.loadVersion(model, "9")).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("9/metadata.json")).hasMessageContaining("version 9 was asked for by name");
        assertThatThrownBy(() -> loader.loadVersion(model, "../3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noLiveMarkerMeansNoModelIsLive() {
        assertThat(loader.load(model)).isEmpty(); // nothing at all under the name: day one
        publish(model, "1", TestModels.bundledBank().renamed(model));
        assertThat(loader.load(model)).isEmpty(); // a version, but never promoted
    }

    @Test
    void aModelWhoseBytesAreNotTheOnesItsMetadataNamesIsRefusedNamingTheKey() {
        TestModels.Files files = TestModels.bundledBank().renamed(model);
        byte[] tampered = files.model().clone();
        tampered[tampered.length / 2] ^= 1;
        publish(model, "2", new TestModels.Files(tampered, files.metadata()));
        route(model, "{\"live\": \"2\"}");

        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("2/model.onnx")).hasMessageContaining("sha256");
    }

    @Test
    void aLiveMarkerNamingAMissingVersionIsAnError() {
        publish(model, "1", TestModels.bundledBank().renamed(model));
        route(model, "{\"live\": \"5\"}");

        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("5/metadata.json") + " does not exist")
                .hasMessageContaining(key("live.json") + " names version 5");
    }

    @Test
    void aMissingModelFileIsAnError() {
        put(model + "/1/metadata.json", TestModels.bundledBank().renamed(model).metadata());
        route(model, "{\"live\": \"1\"}");

        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("1/model.onnx") + " does not exist");
    }

    @Test
    void anUnknownFeatureSetIsRefusedNamingTheMetadata() {
        TestModels.Files files = TestModels.bundledBank().renamed(model);
        ObjectNode metadata = files.metadataTree();
        metadata.put("encoder", "crm-features/2");
        publish(model, "1", files.withMetadata(metadata));
        route(model, "{\"live\": \"1\"}");

        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("1/metadata.json")).hasMessageContaining("crm-features/2");
    }

    @Test
    void aVersionPublishedUnderAnotherModelsNameIsRefused() {
        publish(model, "1", TestModels.bundledBank()); // metadata still says lead-score
        route(model, "{\"live\": \"1\"}");

        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("1/metadata.json")).hasMessageContaining("'lead-score'");
    }

    @Test
    void anUnreadableLiveMarkerOrMetadataIsAnError() {
        route(model, "{\"live\": ");
        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("live.json")).hasMessageContaining("not JSON");

        route(model, "{\"live\": \"../other\"}");
        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("live.json")).hasMessageContaining("../other");

        route(model, "{\"live\": \"1\"}");
        TestModels.Files files = TestModels.bundledBank().renamed(model);
        publish(model, "1", new TestModels.Files(files.model(), "{\"name\": ".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> loader.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith(key("1/metadata.json")).hasMessageContaining("not JSON");
    }

    @Test
    void anS3ErrorOtherThanAMissingKeyIsAnError() {
        LiveModelLoader noBucket = new LiveModelLoader(s3, "no-such-bucket", PREFIX);
        assertThatThrownBy(() -> noBucket.load(model)).isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith("s3://no-such-bucket/" + PREFIX + model + "/live.json could not be read");
    }

    // ---------------------------------------------------------------- the live model followed over time

    /** A clock the test moves. */
    private static final class TestClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-23T17:00:00Z");

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private LiveLeadScoreModel follow(TestClock clock) {
        var settings = Map.of("MODEL_BUCKET", BUCKET, "MODEL_PREFIX", PREFIX, "LEAD_SCORE_MODEL", model);
        return LiveLeadScoreModel.follow(PlatformConfig.of(settings), s3, ConversationFeatureSet.INSTANCE, (path, nanos) -> { }, clock,
                java.time.Duration.ofMinutes(5)).orElseThrow();
    }

    @Test
    void aFollowedModelAppearsAndIsReplacedOnlyAtTheNextCheck() {
        TestClock clock = new TestClock();
        LiveLeadScoreModel live = follow(clock);
        Map<String, Object> lead = Map.of("side", "buyer", "pre_approval", "yes", "timeline_months", 2);

        assertThat(live.get()).as("day one: nothing live").isEmpty();

        publish(model, "1", TestModels.conversation(model, 0.30, 100, 10));
        route(model, "{\"live\": \"1\"}");
        assertThat(live.get()).as("no S3 read until the next check").isEmpty();
        clock.advance(java.time.Duration.ofMinutes(5));
        LeadScoreClient first = live.get().orElseThrow();
        assertThat(first.fallbackVersion()).isEqualTo("1");
        assertThat(first.score(lead).probability()).isCloseTo(TestModels.expectedConversation(lead), within(1e-6));
        assertThat(first.score(lead).path()).isEqualTo(ScorePath.IN_PROCESS);

        publish(model, "2", TestModels.conversation(model, 0.45, 100, 10));
        route(model, "{\"live\": \"2\"}");
        clock.advance(java.time.Duration.ofMinutes(4));
        assertThat(live.get().orElseThrow().fallbackVersion()).isEqualTo("1");
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(live.get().orElseThrow().fallbackVersion()).isEqualTo("2");
        assertThat(live.get().orElseThrow().hotThreshold()).isEqualTo(0.45);
    }

    @Test
    void aBrokenRegistryKeepsTheLoadedModelAndAModelOfAnotherFeatureSetIsNotUsed() {
        TestClock clock = new TestClock();
        LiveLeadScoreModel live = follow(clock);
        publish(model, "1", TestModels.conversation(model, 0.30, 100, 10));
        route(model, "{\"live\": \"1\"}");
        assertThat(live.get()).isPresent();

        route(model, "{\"live\": ");
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(live.get().orElseThrow().fallbackVersion()).as("kept through a broken live.json").isEqualTo("1");

        publish(model, "2", TestModels.bundledBank().renamed(model));
        route(model, "{\"live\": \"2\"}");
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(live.get()).as("a bank-marketing model cannot score a conversation").isEmpty();
        assertThat(live.liveVersion()).isEqualTo("2");
    }

    @Test
    void withoutAModelBucketThereIsNothingToFollow() {
        assertThat(LiveLeadScoreModel.follow(PlatformConfig.of(Map.of()), null, ConversationFeatureSet.INSTANCE, (path, nanos) -> { },
                java.time.Clock.systemUTC(), LiveLeadScoreModel.CHECK_EVERY)).isEmpty();
    }
}
