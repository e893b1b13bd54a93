package com.jorge.platform.inference.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ONNX Runtime sessions on the execution provider chosen once at start-up. CUDA counts as
 * usable only when {@code addCUDA} succeeds: {@code getAvailableProviders()} lists CUDA in the GPU
 * jar even on a machine without a GPU.
 */
public final class OnnxSessionFactory {

    private static final Logger log = LoggerFactory.getLogger(OnnxSessionFactory.class);

    /** What the operator asked for: AUTO tries CUDA then CPU; CUDA refuses to start without a GPU. */
    public enum Preference {
        AUTO, CPU, CUDA;

        public static Preference parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("INFERENCE_DEVICE must be auto, cpu or cuda, was '" + text + "'");
            }
        }
    }

    private final OrtEnvironment env;
    private final ExecutionProvider provider;
    private final int cudaDevice;
    private final String detail;
    private final boolean spinWait;

    private OnnxSessionFactory(ExecutionProvider provider, int cudaDevice, String detail, boolean spinWait) {
        this.env = OrtEnvironment.getEnvironment();
        this.provider = provider;
        this.cudaDevice = cudaDevice;
        this.detail = detail;
        this.spinWait = spinWait;
    }

    private OnnxSessionFactory(ExecutionProvider provider, int cudaDevice, String detail) {
        this(provider, cudaDevice, detail, true);
    }

    /**
     * Whether ONNX Runtime's intra-op threads spin between parallel sections (its default, kept here:
     * a multi-threaded in-process session, like the lead-score client's fallback, pays a wake-up per
     * operator when they sleep: MiniLM one query 1.0 ms spinning, 4.2 ms sleeping) or sleep. The
     * service turns it off (ORT_SPIN_WAIT): on cores shared with its HTTP event loops a spinning pool
     * burns the CPU they need.
     */
    public OnnxSessionFactory withSpinWait(boolean spin) {
        return new OnnxSessionFactory(provider, cudaDevice, detail, spin);
    }

    public static OnnxSessionFactory cpu() {
        return new OnnxSessionFactory(ExecutionProvider.CPU, -1, "CPU (requested)");
    }

    public static OnnxSessionFactory start(Preference preference, int cudaDevice) {
        if (preference == Preference.CPU) {
            log.info("execution provider: CPU (INFERENCE_DEVICE=cpu)");
            return cpu();
        }
        String failure;
        try (SessionOptions probe = new SessionOptions()) {
            probe.addCUDA(cudaDevice);
            String detail = "CUDA device " + cudaDevice;
            log.info("execution provider: {} (addCUDA succeeded)", detail);
            return new OnnxSessionFactory(ExecutionProvider.CUDA, cudaDevice, detail);
        } catch (OrtException | RuntimeException | LinkageError e) {
            failure = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        }
        if (preference == Preference.CUDA) {
            throw new IllegalStateException("INFERENCE_DEVICE=cuda but CUDA is not usable: " + failure);
        }
        String detail = "CPU (CUDA not usable: " + failure + ")";
        log.info("execution provider: {}", detail);
        return new OnnxSessionFactory(ExecutionProvider.CPU, -1, detail);
    }

    public ExecutionProvider provider() {
        return provider;
    }

    /** The provider and why, for the model metadata endpoint and the logs. */
    public String detail() {
        return detail;
    }

    public OrtEnvironment environment() {
        return env;
    }

    /** A session for one model version; {@code intraOpThreads} 0 lets ONNX Runtime use every core. */
    public OrtSession open(byte[] model, int intraOpThreads) throws OrtException {
        try (SessionOptions options = new SessionOptions()) {
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", spinWait ? "1" : "0");
            if (provider == ExecutionProvider.CUDA) {
                options.addCUDA(cudaDevice);
            }
            return env.createSession(model, options);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
