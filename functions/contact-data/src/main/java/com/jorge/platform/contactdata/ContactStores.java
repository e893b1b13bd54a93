package com.jorge.platform.contactdata;

import com.jorge.platform.audit.archive.ArchivedChain;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Transactor;

import java.time.Clock;

/**
 * Every place a contact's data lives, for the export and the erasure.
 *
 * @param redis   null when the platform runs without Redis
 * @param archive null when no audit archive is configured
 */
public record ContactStores(Transactor db, RedisContactKeys redis, ContactObjects objects, ArchivedChain archive,
                            AuditLog audit, Clock clock) {
}
