package com.jorge.platform.audit.archive;

import com.jorge.platform.audit.archive.aws.S3ArchiveStore;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/** Composition root: the database (never migrated here: the worker owns the schema) and the S3 archive. */
public final class AuditArchiveFunction {

    private AuditArchiveFunction() {
    }

    public record Parts(Transactor db, ArchiveStore store, AuditArchiveSettings settings) {
        public AuditExporter exporter(Clock clock) {
            return new AuditExporter(db, store, settings, clock);
        }

        public AuditVerification verification() {
            return new AuditVerification(db, new ArchivedChain(store, settings.layout()));
        }
    }

    public static Parts fromConfig(PlatformConfig config) {
        AuditArchiveSettings settings = AuditArchiveSettings.fromConfig(config);
        Database database = Database.open(Database.Settings.fromConfig(config));
        return new Parts(new Transactor(database.dataSource()),
                new S3ArchiveStore(S3Client.builder().forcePathStyle(config.getBoolean("S3_FORCE_PATH_STYLE", false)).build(),
                        settings.bucket()),
                settings);
    }
}
