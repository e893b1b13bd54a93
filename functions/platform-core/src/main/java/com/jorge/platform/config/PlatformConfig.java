package com.jorge.platform.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration from the environment. A value {@code X} may be given directly ({@code X}, laptops and
 * tests), as an SSM parameter name ({@code X_PARAM}) or as a Secrets Manager ARN ({@code X_SECRET_ARN});
 * the last two are how AWS deployments pass keys and tokens without putting them in the template.
 * Endpoints for SSM and Secrets Manager follow the SDK's AWS_ENDPOINT_URL_* overrides.
 */
public final class PlatformConfig {

    private final Function<String, String> env;
    private SsmClient ssm;
    private SecretsManagerClient secrets;

    public PlatformConfig(Function<String, String> env) {
        this.env = env;
    }

    public static PlatformConfig fromEnvironment() {
        return new PlatformConfig(System::getenv);
    }

    public static PlatformConfig of(Map<String, String> values) {
        return new PlatformConfig(values::get);
    }

    public Optional<String> get(String name) {
        String direct = env.apply(name);
        if (direct != null && !direct.isBlank()) return Optional.of(direct);
        String param = env.apply(name + "_PARAM");
        if (param != null && !param.isBlank()) {
            return Optional.of(ssm().getParameter(r -> r.name(param).withDecryption(true)).parameter().value());
        }
        String arn = env.apply(name + "_SECRET_ARN");
        if (arn != null && !arn.isBlank()) {
            return Optional.of(secrets().getSecretValue(r -> r.secretId(arn)).secretString());
        }
        return Optional.empty();
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException(
                "configuration " + name + " is missing (set " + name + ", " + name + "_PARAM or " + name + "_SECRET_ARN)"));
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public int getInt(String name, int fallback) {
        return get(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("configuration " + name + " must be an integer", e);
            }
        }).orElse(fallback);
    }

    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map(v -> Boolean.parseBoolean(v.trim())).orElse(fallback);
    }

    private synchronized SsmClient ssm() {
        if (ssm == null) ssm = SsmClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return ssm;
    }

    private synchronized SecretsManagerClient secrets() {
        if (secrets == null) secrets = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return secrets;
    }
}
