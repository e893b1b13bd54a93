package com.jorge.platform.audit.archive;

import com.jorge.platform.audit.AuditChainVerifier;
import com.jorge.platform.audit.AuditEntry;
import com.jorge.platform.audit.ChainVerdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A location's chain as the archive holds it: every object under the location, merged by sequence
 * number (an entry archived twice must be the same entry), then verified like the table.
 */
public final class ArchivedChain {

    private final ArchiveStore store;
    private final ArchiveLayout layout;

    public ArchivedChain(ArchiveStore store, ArchiveLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    public ChainVerdict verify(String locationId) {
        AuditChainVerifier verifier = new AuditChainVerifier(locationId);
        ChainVerdict.Broken conflict = forEach(locationId, verifier::accept);
        return conflict != null ? conflict : verifier.verdict();
    }

    /** The last archived entry: the anchor the table's chain must still reach. */
    public AuditChainVerifier.Anchor anchor(String locationId) {
        List<String> keys = store.keys(layout.location(locationId));
        if (keys.isEmpty()) return AuditChainVerifier.Anchor.NONE;
        String last = keys.stream().max(Comparator.comparingLong(ArchiveLayout::lastSeq)).orElseThrow();
        AuditEntry e = AuditLines.read(store.get(last)).getLast();
        return new AuditChainVerifier.Anchor(e.seq(), e.hash());
    }

    /** The archived entries of one lead (GDPR export), oldest first. */
    public List<AuditEntry> ofContact(String locationId, String contactId) {
        List<AuditEntry> out = new ArrayList<>();
        forEach(locationId, e -> {
            if (contactId.equals(e.contactId())) out.add(e);
        });
        return out;
    }

    /** Feeds the archived entries in sequence order; returns the first seq archived twice with different content. */
    private ChainVerdict.Broken forEach(String locationId, Consumer<AuditEntry> sink) {
        Map<Long, AuditEntry> bySeq = new TreeMap<>();
        for (String key : store.keys(layout.location(locationId))) {
            for (AuditEntry e : AuditLines.read(store.get(key))) {
                AuditEntry before = bySeq.putIfAbsent(e.seq(), e);
                if (before != null && !before.equals(e)) {
                    return new ChainVerdict.Broken(locationId, e.seq(), ChainVerdict.Break.CONFLICTING_COPY);
                }
            }
        }
        bySeq.values().forEach(sink);
        return null;
    }
}
