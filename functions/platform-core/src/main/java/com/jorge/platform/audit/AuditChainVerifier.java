package com.jorge.platform.audit;

import java.util.Objects;

/**
 * Recomputes one location's chain entry by entry, in sequence order, and keeps the first bad entry.
 * It trusts nothing stored: each hash is recomputed from the content and the previous entry's hash.
 */
public final class AuditChainVerifier {

    /** The last entry an earlier export holds: a chain rewritten from an earlier entry on no longer reaches its hash. */
    public record Anchor(long seq, String hash) {
        public static final Anchor NONE = new Anchor(0, null);
    }

    private final String locationId;
    private final Anchor anchor;
    private String prev = AuditChain.GENESIS;
    private long expected = 1;
    private ChainVerdict.Broken broken;

    public AuditChainVerifier(String locationId, Anchor anchor) {
        this.locationId = locationId;
        this.anchor = anchor;
    }

    public AuditChainVerifier(String locationId) {
        this(locationId, Anchor.NONE);
    }

    /** Checks the next entry; once the chain broke, the rest are ignored. */
    public void accept(AuditEntry e) {
        if (broken != null) return;
        if (!e.locationId().equals(locationId)) {
            throw new IllegalArgumentException("an entry of another location in the chain of one");
        }
        if (e.seq() > expected) {
            broken = new ChainVerdict.Broken(locationId, expected, ChainVerdict.Break.MISSING);
        } else if (e.seq() < expected) {
            broken = new ChainVerdict.Broken(locationId, e.seq(), ChainVerdict.Break.CONFLICTING_COPY);
        } else if (!AuditChain.hash(e.prevHash(), e).equals(e.hash())) {
            broken = new ChainVerdict.Broken(locationId, e.seq(), ChainVerdict.Break.CONTENT_CHANGED);
        } else if (!Objects.equals(prev, e.prevHash())) {
            broken = new ChainVerdict.Broken(locationId, e.seq(), ChainVerdict.Break.LINK_BROKEN);
        } else if (e.seq() == anchor.seq() && !e.hash().equals(anchor.hash())) {
            broken = new ChainVerdict.Broken(locationId, e.seq(), ChainVerdict.Break.REWRITTEN);
        } else {
            prev = e.hash();
            expected++;
        }
    }

    /** The verdict so far: a chain that ends before the anchor lost its tail. */
    public ChainVerdict verdict() {
        if (broken != null) return broken;
        long last = expected - 1;
        if (anchor.seq() > last) return new ChainVerdict.Broken(locationId, last + 1, ChainVerdict.Break.TAIL_MISSING);
        return new ChainVerdict.Intact(locationId, last, prev);
    }

    public static ChainVerdict verify(String locationId, Iterable<AuditEntry> entries) {
        AuditChainVerifier v = new AuditChainVerifier(locationId);
        entries.forEach(v::accept);
        return v.verdict();
    }
}
