package com.jorge.platform.inference;

import com.jorge.platform.inference.http.HttpFrontend;
import com.jorge.platform.inference.http.InferenceRoutes;
import com.jorge.platform.inference.metrics.EmfMetricsPublisher;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.model.SentenceEmbeddingModel;
import com.jorge.platform.inference.registry.LocalFolderModelRepository;
import com.jorge.platform.inference.registry.ModelRepository;
import com.jorge.platform.inference.registry.RoutingManifest;
import com.jorge.platform.inference.registry.S3ModelRepository;
import com.jorge.platform.inference.serving.Deployment;
import com.jorge.platform.inference.serving.ModelCatalog;
import com.jorge.platform.inference.serving.ModelLoader;
import com.jorge.platform.inference.serving.RegistrySync;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The inference tier's process: registry models plus the embedding model behind the KServe v2 API. */
public final class InferenceService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InferenceService.class);
    /** The embedding model ships inside the Maven artifact; its version is the artifact's. */
    public static final String EMBEDDING_VERSION = "1";

    private final ModelCatalog catalog;
    private final RegistrySync sync;
    private final HttpFrontend http;
    private final S3Client s3;
    private final EmfMetricsPublisher cloudWatch;
    private final int port;

    private InferenceService(ModelCatalog catalog, RegistrySync sync, HttpFrontend http, S3Client s3,
                             EmfMetricsPublisher cloudWatch, int port) {
        this.catalog = catalog;
        this.sync = sync;
        this.http = http;
        this.s3 = s3;
        this.cloudWatch = cloudWatch;
        this.port = port;
    }

    /** Starts the service; CloudWatch EMF lines go to stdout, where ECS's awslogs driver picks them up. */
    public static InferenceService start(ServiceSettings config) throws InterruptedException {
        return start(config, System.out::println);
    }

    /** Starts the service writing its EMF lines to {@code emfLines}. */
    public static InferenceService start(ServiceSettings config, Consumer<String> emfLines) throws InterruptedException {
        InferenceMetrics metrics = new InferenceMetrics();
        EmfMetricsPublisher cloudWatch = new EmfMetricsPublisher(config.emf(), emfLines, Clock.systemUTC());
        OnnxSessionFactory sessions = OnnxSessionFactory.start(config.device(), config.cudaDevice())
                .withSpinWait(config.spinWait());
        metrics.executionProvider(sessions.provider().name());
        ModelLoader loader = new ModelLoader(sessions, metrics);
        ModelCatalog catalog = new ModelCatalog(metrics, cloudWatch);

        S3Client s3 = null;
        ModelRepository repository = null;
        if (config.registry() != null && config.registry().startsWith("s3://")) {
            URI uri = URI.create(config.registry());
            S3ClientBuilder builder = S3Client.builder();
            if (config.awsRegion() != null) {
                builder.region(Region.of(config.awsRegion()));
            }
            if (config.s3Endpoint() != null) {
                builder.endpointOverride(URI.create(config.s3Endpoint())).forcePathStyle(true);
            }
            s3 = builder.build();
            String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            repository = new S3ModelRepository(s3, uri.getHost(), prefix);
        } else if (config.registry() != null) {
            repository = new LocalFolderModelRepository(Path.of(config.registry()));
        }

        RegistrySync sync = null;
        if (repository != null && !(config.models().isEmpty() && config.optionalModels().isEmpty())) {
            sync = new RegistrySync(repository, config.models(), config.optionalModels(), config::batching, catalog, loader);
            if (!sync.syncOnce()) {
                log.warn("not every model is loaded yet; /v2/health/ready stays 503 until they are");
            }
            sync.start(config.registryPoll());
        }
        if (config.embedding()) {
            var embedding = loader.embedding(EMBEDDING_VERSION, config.batching(SentenceEmbeddingModel.NAME));
            catalog.register(SentenceEmbeddingModel.NAME).deploy(
                    new Deployment(RoutingManifest.liveOnly(EMBEDDING_VERSION), embedding, null, null));
        }
        InferenceRoutes routes = new InferenceRoutes(catalog, metrics, cloudWatch, sessions,
                repository == null ? "none" : repository.describe());
        HttpFrontend http = new HttpFrontend(routes, config.ioThreads(), config.maxRequestBytes());
        int port = http.start(config.bindAddress(), config.port());
        cloudWatch.start(catalog::queuedRequests);
        return new InferenceService(catalog, sync, http, s3, cloudWatch, port);
    }

    public int port() {
        return port;
    }

    /** Writes the CloudWatch metrics recorded so far now instead of at the next interval. */
    public void flushMetrics() {
        cloudWatch.flush();
    }

    public boolean syncRegistry() {
        return sync == null || sync.syncOnce();
    }

    @Override
    public void close() {
        http.close();
        if (sync != null) {
            sync.close();
        }
        cloudWatch.close(); // the last interval's lines, before the models go
        catalog.close();
        if (s3 != null) {
            s3.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        InferenceService service = start(ServiceSettings.fromEnv(System.getenv()));
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(service::close));
        Thread.currentThread().join();
    }
}
