/**
 * The audit archive (issue 14): {@link com.jorge.platform.audit.archive.AuditExporter} puts each location's
 * new audit entries, once a day, into a write-once store ({@link com.jorge.platform.audit.archive.ArchiveStore};
 * S3 with Object Lock in COMPLIANCE mode in AWS) as JSON lines; {@link com.jorge.platform.audit.archive.AuditVerification}
 * checks the table's chain against the archive and the archive's own chain; {@link com.jorge.platform.audit.archive.AuditVerifyCommand}
 * is the command.
 */
package com.jorge.platform.audit.archive;
