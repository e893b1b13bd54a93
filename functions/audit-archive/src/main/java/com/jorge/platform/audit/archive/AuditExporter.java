package com.jorge.platform.audit.archive;

import com.jorge.platform.audit.AuditEntries;
import com.jorge.platform.audit.AuditEntry;
import com.jorge.platform.storage.Transactor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The daily export: each location's entries after the last one already archived, as JSON lines, one
 * object per location and day. The archive itself is the watermark (the last key's sequence number),
 * so a run that failed halfway is repeated by the next, and nothing is exported twice.
 */
public final class AuditExporter {

    /** What one run archived. */
    public record Summary(int locations, int objects, long entries) {}

    private final Transactor db;
    private final ArchiveStore store;
    private final AuditArchiveSettings settings;
    private final Clock clock;

    public AuditExporter(Transactor db, ArchiveStore store, AuditArchiveSettings settings, Clock clock) {
        this.db = db;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public Summary run() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ArchiveLayout layout = settings.layout();
        List<String> locations = db.inTransaction(AuditEntries::locations);
        int objects = 0;
        long entries = 0;
        for (String location : locations) {
            long after = archivedUpTo(layout, location);
            while (true) {
                long from = after;
                List<AuditEntry> page = db.inTransaction(c -> AuditEntries.after(c, location, from, settings.entriesPerObject()));
                if (page.isEmpty()) break;
                long last = page.getLast().seq();
                store.put(layout.object(location, day, page.getFirst().seq(), last), AuditLines.write(page));
                objects++;
                entries += page.size();
                after = last;
                if (page.size() < settings.entriesPerObject()) break;
            }
        }
        return new Summary(locations.size(), objects, entries);
    }

    private long archivedUpTo(ArchiveLayout layout, String location) {
        List<String> keys = store.keys(layout.location(location));
        return keys.stream().mapToLong(ArchiveLayout::lastSeq).max().orElse(0);
    }
}
