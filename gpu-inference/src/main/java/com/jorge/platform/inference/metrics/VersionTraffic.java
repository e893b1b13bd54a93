package com.jorge.platform.inference.metrics;

/**
 * What each model version was asked and how it answered, for the platform's CloudWatch metrics
 * (requests, errors, latency per model and version). Called on the request path: implementations
 * must be cheap and thread-safe.
 */
public interface VersionTraffic {

    /** Answered; {@code nanos} from the request decoded to the response ready. */
    void succeeded(String model, String version, TrafficRole role, long nanos);

    /** Not answered through no fault of the client: the model failed at run time, or its queue was full. */
    void failed(String model, String version, TrafficRole role);

    /** Refused as the client's mistake (wrong shape, NaN, unknown output...): a request, not an error. */
    void invalid(String model, String version, TrafficRole role);

    VersionTraffic NONE = new VersionTraffic() {
        @Override
        public void succeeded(String model, String version, TrafficRole role, long nanos) {
        }

        @Override
        public void failed(String model, String version, TrafficRole role) {
        }

        @Override
        public void invalid(String model, String version, TrafficRole role) {
        }
    };
}
