package com.jorge.platform.contactdata;

import com.jorge.platform.audit.archive.ArchivedChain;
import com.jorge.platform.audit.archive.AuditArchiveSettings;
import com.jorge.platform.audit.archive.aws.S3ArchiveStore;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.contactdata.aws.S3ContactObjects;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.search.cache.SearchCacheSettings;
import com.jorge.platform.search.cache.SemanticSearchCache;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;

/**
 * Composition root of the export and the erasure, for the command and for an admin API route: the
 * database, Redis when configured, the contact objects' bucket and the audit archive when configured.
 */
public final class ContactDataFunction {

    /** The two operations, ready to mount. */
    public record Parts(ContactDataExport export, ContactErasure erasure) {}

    private ContactDataFunction() {
    }

    public static Parts fromConfig(PlatformConfig config) {
        Database database = Database.open(Database.Settings.fromConfig(config));
        return of(config, new Transactor(database.dataSource()), RedisConnector.fromConfig(config, Duration.ofSeconds(5)));
    }

    /** Over a database and Redis (null without) another function already holds: the inbox's admin routes. */
    public static Parts of(PlatformConfig config, Transactor db, RedisConnector redis) {
        ContactDataSettings settings = ContactDataSettings.fromConfig(config);
        RedisContactKeys keys = redis == null ? null : new RedisContactKeys(redis.commands(), settings.redisNamespace(),
                new SemanticSearchCache(redis.commands(), SearchCacheSettings.from(config), Clock.systemUTC(),
                        settings.searchCachePrefix()), settings.erasedMarkerTtl());
        S3Client s3 = settings.objectsBucket().isPresent() || config.get("AUDIT_ARCHIVE_BUCKET").isPresent()
                ? S3Client.builder().forcePathStyle(config.getBoolean("S3_FORCE_PATH_STYLE", false)).build() : null;
        ContactObjects objects = settings.objectsBucket()
                .<ContactObjects>map(b -> new S3ContactObjects(s3, b, settings.objectsPrefix())).orElse(ContactObjects.NONE);
        ArchivedChain archive = config.get("AUDIT_ARCHIVE_BUCKET").map(b -> {
            AuditArchiveSettings a = AuditArchiveSettings.fromConfig(config);
            return new ArchivedChain(new S3ArchiveStore(s3, a.bucket()), a.layout());
        }).orElse(null);
        ContactStores stores = new ContactStores(db, keys, objects, archive, new AuditLog(PlatformJson.mapper()), Clock.systemUTC());
        return new Parts(new ContactDataExport(stores, PlatformJson.mapper()), new ContactErasure(stores, settings.settle()));
    }
}
