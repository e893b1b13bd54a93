package com.jorge.platform.infra.config;

/** Field checks that name the offending field, so a bad cdk.json fails the synth with a usable message. */
final class Check {
    private Check() {
    }

    static void that(boolean condition, String field, String problem) {
        if (!condition) {
            throw new InvalidConfigException(field, problem);
        }
    }

    static void present(Object value, String field) {
        that(value != null, field, "is missing");
    }

    static void range(int value, int min, int max, String field) {
        that(value >= min && value <= max, field, "must be between " + min + " and " + max + ", was " + value);
    }
}
