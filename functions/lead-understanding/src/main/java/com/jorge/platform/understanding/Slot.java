package com.jorge.platform.understanding;

import java.util.Objects;

/**
 * One fact found in a message: its normalised value and the character span [start, end) of the
 * text it came from.
 */
public record Slot(SlotName name, String value, int start, int end) {
    public Slot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for slot " + name);
        }
    }
}
