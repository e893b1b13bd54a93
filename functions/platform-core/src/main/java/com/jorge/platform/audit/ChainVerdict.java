package com.jorge.platform.audit;

/** What the verifier found for one location's chain. */
public sealed interface ChainVerdict {

    String locationId();

    /** Every entry from seq 1 to {@code lastSeq} is present, in order, and unchanged. */
    record Intact(String locationId, long lastSeq, String lastHash) implements ChainVerdict {}

    /**
     * The first entry that does not hold: {@code seq} is where the chain breaks (the entry expected
     * there, when it is missing), {@code why} says how, naming no data of the entry.
     */
    record Broken(String locationId, long seq, Break why) implements ChainVerdict {}

    enum Break {
        /** The stored hash is not the hash of the entry's content: the entry was changed. */
        CONTENT_CHANGED,
        /** The entry does not follow its predecessor's hash: an entry before it was removed, changed or moved. */
        LINK_BROKEN,
        /** The sequence skips this number: the entry was removed. */
        MISSING,
        /** The same sequence number twice with different content. */
        CONFLICTING_COPY,
        /** The entry differs from the copy an earlier export holds, though the chain after it was recomputed to match. */
        REWRITTEN,
        /** The chain ends before an entry an earlier export already holds: its tail was removed. */
        TAIL_MISSING
    }
}
