/**
 * GDPR for a contact (issue 14), free of HTTP: {@link com.jorge.platform.contactdata.ContactDataExport}
 * (one JSON document of everything held) and {@link com.jorge.platform.contactdata.ContactErasure}
 * (erased everywhere, a tombstone in the audit log), over {@link com.jorge.platform.contactdata.ContactStores}:
 * Aurora (every table with a contact), Redis (the lead's keys and the semantic cache), S3 (per-contact
 * objects; the audit archive, read only) and the audit chain. {@link com.jorge.platform.contactdata.ContactDataCommand}
 * is the command; an admin route mounts {@link com.jorge.platform.contactdata.ContactDataFunction.Parts}.
 */
package com.jorge.platform.contactdata;
