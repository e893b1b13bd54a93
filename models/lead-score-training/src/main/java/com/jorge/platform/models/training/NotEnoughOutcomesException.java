package com.jorge.platform.models.training;

/**
 * A source has too few decided outcomes, or too few of one class, to train and evaluate a model.
 * Not a usage error: the command was right, the data is not there yet (a new deployment's first weeks).
 */
public final class NotEnoughOutcomesException extends IllegalStateException {

    private final int converted;
    private final int notConverted;

    NotEnoughOutcomesException(String message, int converted, int notConverted) {
        super(message);
        this.converted = converted;
        this.notConverted = notConverted;
    }

    public int converted() {
        return converted;
    }

    public int notConverted() {
        return notConverted;
    }
}
