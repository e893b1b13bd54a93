package com.jorge.platform.audit.archive;

import com.jorge.platform.config.PlatformConfig;

/**
 * {@code AUDIT_ARCHIVE_BUCKET} (required), {@code AUDIT_ARCHIVE_PREFIX} (default {@code audit}),
 * {@code AUDIT_ARCHIVE_ENTRIES_PER_OBJECT} (default 50000). The retention itself is the bucket's
 * Object Lock default (CDK, {@code auditRetentionYears}).
 */
public record AuditArchiveSettings(String bucket, String prefix, int entriesPerObject) {

    public AuditArchiveSettings {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("AUDIT_ARCHIVE_BUCKET is required");
        if (entriesPerObject < 1) throw new IllegalArgumentException("AUDIT_ARCHIVE_ENTRIES_PER_OBJECT must be at least 1");
    }

    public static AuditArchiveSettings fromConfig(PlatformConfig config) {
        return new AuditArchiveSettings(config.require("AUDIT_ARCHIVE_BUCKET"), config.get("AUDIT_ARCHIVE_PREFIX", "audit"),
                config.getInt("AUDIT_ARCHIVE_ENTRIES_PER_OBJECT", 50_000));
    }

    public ArchiveLayout layout() {
        return new ArchiveLayout(prefix);
    }
}
