/**
 * The audit chain (issue 14): {@code audit_log} is append-only and hash-chained per location by the
 * database (migration V60); {@link com.jorge.platform.audit.AuditEntry} and {@link com.jorge.platform.audit.AuditChain}
 * rebuild the same hashes in Java, {@link com.jorge.platform.audit.AuditChainVerifier} names the first bad
 * entry of a chain read from the table ({@link com.jorge.platform.audit.AuditEntries}) or from an export.
 */
package com.jorge.platform.audit;
