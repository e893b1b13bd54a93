package com.jorge.platform.infra.config;

/** A configuration value that cannot be deployed; the message starts with the field's path. */
public final class InvalidConfigException extends RuntimeException {
    private final String field;

    public InvalidConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
