package com.jorge.platform.infra.constructs;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between the platform's Java functions; everything else (runtime, SnapStart, alias,
 * canary deployment, alarms, logs, network) is the same for all and lives in {@link CanaryFunction}.
 *
 * @param reservedConcurrency 0 for none; set it where a downstream (Aurora, GHL's rate limit) needs protecting
 */
public record CanaryFunctionSpec(
        String name,
        String description,
        Path jar,
        String handler,
        int memoryMiB,
        int timeoutSeconds,
        int reservedConcurrency,
        Map<String, String> environment,
        int errorAlarmThreshold,
        int p99AlarmMs) {

    public CanaryFunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jar, "jar");
        if (!name.matches("[a-z][a-z0-9-]{2,40}")) {
            throw new IllegalArgumentException("function name must be lower-case kebab case: " + name);
        }
        if (handler == null || !handler.matches("[A-Za-z0-9_.$]+::[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException(name + ": handler must look like com.example.Handler::handleRequest, was " + handler);
        }
        if (reservedConcurrency < 0) {
            throw new IllegalArgumentException(name + ": reservedConcurrency must be >= 0");
        }
        environment = Map.copyOf(environment);
    }
}
