package com.jorge.platform.audit.archive;

import com.jorge.platform.audit.AuditChainVerifier;
import com.jorge.platform.audit.AuditEntries;
import com.jorge.platform.audit.ChainVerdict;
import com.jorge.platform.storage.Transactor;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies each location's chain twice: the table, against the last entry the archive holds (so a
 * chain rewritten from some entry on, or cut short, is caught), and the archive itself.
 */
public final class AuditVerification {

    /** One verdict and where it was read: {@code table} or {@code archive}. */
    public record Finding(String source, ChainVerdict verdict) {}

    private final Transactor db;
    private final ArchivedChain archive;

    /** {@code archive} may be null: the table alone is checked. */
    public AuditVerification(Transactor db, ArchivedChain archive) {
        this.db = db;
        this.archive = archive;
    }

    /** Every location with entries when {@code locations} is empty. */
    public List<Finding> verify(List<String> locations) {
        List<String> which = locations.isEmpty() ? db.inTransaction(AuditEntries::locations) : locations;
        List<Finding> out = new ArrayList<>();
        for (String location : which) {
            AuditChainVerifier table = new AuditChainVerifier(location,
                    archive == null ? AuditChainVerifier.Anchor.NONE : archive.anchor(location));
            db.inTransaction(c -> {
                AuditEntries.forEach(c, location, table::accept);
                return null;
            });
            out.add(new Finding("table", table.verdict()));
            if (archive != null) out.add(new Finding("archive", archive.verify(location)));
        }
        return out;
    }

    /** One line a finding, naming the first bad entry. */
    public static String line(Finding f) {
        return switch (f.verdict()) {
            case ChainVerdict.Intact i -> "source=%s location=%s verdict=intact last_seq=%d".formatted(f.source(), i.locationId(), i.lastSeq());
            case ChainVerdict.Broken b -> "source=%s location=%s verdict=broken first_bad_seq=%d why=%s"
                    .formatted(f.source(), b.locationId(), b.seq(), b.why());
        };
    }
}
