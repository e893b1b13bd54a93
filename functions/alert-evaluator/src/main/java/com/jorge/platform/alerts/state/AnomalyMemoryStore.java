package com.jorge.platform.alerts.state;

import java.util.Optional;

/** Where each rule's streaming-detector memory ({@code SeriesMemory.encode()}) lives between runs. */
public interface AnomalyMemoryStore {

    /** The rule's memory, when one was saved (and has not expired). */
    Optional<String> load(String rule);

    /**
     * Saves the memory only when the stored one is still {@code expected} (null: none stored), and says whether it
     * did: a run that loses the race to an overlapping one must not send what the other already sent.
     */
    boolean replace(String rule, String expected, String memory);
}
