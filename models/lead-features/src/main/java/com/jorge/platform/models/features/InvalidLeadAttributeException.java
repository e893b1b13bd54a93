package com.jorge.platform.models.features;

/** A raw lead attribute that cannot be encoded; {@link #field()} names the attribute as callers spell it. */
public final class InvalidLeadAttributeException extends IllegalArgumentException {
    private final String field;

    public InvalidLeadAttributeException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
