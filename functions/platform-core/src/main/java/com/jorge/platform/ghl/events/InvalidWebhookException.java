package com.jorge.platform.ghl.events;

/** A webhook body that cannot be accepted; {@link #field()} names the offending JSON field ("$" for the body). */
public final class InvalidWebhookException extends RuntimeException {
    private final String field;

    public InvalidWebhookException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
