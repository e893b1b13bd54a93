package com.jorge.platform.infra.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.constructs.Node;

/**
 * Reads the environment chosen with {@code -c env=NAME} out of the {@code jorge:environments} context
 * object. Unknown keys, missing keys and wrong types are errors: a typo must not silently fall back to
 * a default size or threshold.
 */
public final class EnvironmentSettingsLoader {
    public static final String ENVIRONMENTS_KEY = "jorge:environments";
    public static final String ENV_KEY = "env";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private EnvironmentSettingsLoader() {
    }

    public static EnvironmentSettings fromContext(Node node) {
        Object chosen = node.tryGetContext(ENV_KEY);
        if (chosen == null) {
            throw new InvalidConfigException(ENV_KEY, "no environment chosen: pass -c env=dev|staging|prod");
        }
        return load(chosen.toString(), node.tryGetContext(ENVIRONMENTS_KEY));
    }

    public static EnvironmentSettings load(String envName, Object environments) {
        if (!(environments instanceof Map<?, ?> all)) {
            throw new InvalidConfigException(ENVIRONMENTS_KEY, "missing from the CDK context (cdk.json) or not an object");
        }
        Object raw = all.get(envName);
        if (!(raw instanceof Map<?, ?> settings)) {
            throw new InvalidConfigException(ENV_KEY, "unknown environment '" + envName + "'; cdk.json defines "
                    + all.keySet().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        Map<Object, Object> withName = new LinkedHashMap<>(settings);
        withName.put("name", envName);
        try {
            return MAPPER.convertValue(withName, EnvironmentSettings.class);
        } catch (IllegalArgumentException e) {
            throw translate(envName, e);
        }
    }

    private static RuntimeException translate(String envName, IllegalArgumentException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof InvalidConfigException invalid) {
                return new InvalidConfigException(ENVIRONMENTS_KEY + "." + envName + "." + invalid.field(),
                        invalid.getMessage().substring(invalid.field().length() + 2));
            }
            cause = cause.getCause();
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String problem = mapping.getOriginalMessage().split("\n")[0];
            return new InvalidConfigException(ENVIRONMENTS_KEY + "." + envName + (path.isEmpty() ? "" : "." + path), problem);
        }
        return new InvalidConfigException(ENVIRONMENTS_KEY + "." + envName, e.getMessage());
    }
}
