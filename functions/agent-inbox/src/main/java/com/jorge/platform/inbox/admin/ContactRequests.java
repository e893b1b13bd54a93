package com.jorge.platform.inbox.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.contactdata.ContactDataExport;
import com.jorge.platform.contactdata.ContactErasure;
import com.jorge.platform.contactdata.ErasureReport;
import com.jorge.platform.contactdata.Requester;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.Refused;
import com.jorge.platform.inbox.auth.AccessDenied;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.auth.Role;
import com.jorge.platform.storage.AuditLog;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A data subject's request carried out by an admin of the contact's location: contact-data's export and
 * erasure (the same ones the command runs), audited with the admin's subject as {@code actor_id} and
 * the reason they gave. Only admins: an export hands out everything held on a person, an erasure cannot
 * be undone. A location the admin does not belong to is answered as if the contact did not exist.
 */
public final class ContactRequests {

    /** GHL's ids are short and plain; anything else is refused before a store is touched. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final int MAX_REASON = 500;

    private final ContactDataExport export;
    private final ContactErasure erasure;

    public ContactRequests(ContactDataExport export, ContactErasure erasure) {
        this.export = export;
        this.erasure = erasure;
    }

    /** {@code reason} is read once the caller may ask: a non-admin learns nothing from a 400 about the body. */
    public ObjectNode export(Caller caller, LeadRef contact, Supplier<String> reason) {
        return export.export(contact, requester(caller, contact, reason));
    }

    /** Idempotent: a second request removes what is left (nothing, normally) and adds no second tombstone. */
    public ErasureReport erase(Caller caller, LeadRef contact, Supplier<String> reason) {
        return erasure.erase(contact, requester(caller, contact, reason));
    }

    private static Requester requester(Caller caller, LeadRef contact, Supplier<String> readReason) {
        if (caller.role() != Role.ADMIN) throw AccessDenied.forbidden("only an admin may export or erase a contact's data");
        if (!caller.belongsTo(contact.locationId())) throw AccessDenied.notFound("contact");
        String reason = readReason.get();
        if (!ID.matcher(contact.contactId()).matches()) {
            throw Refused.invalid("contactId", "contactId must be 1 to 128 letters, digits or _.:-");
        }
        if (reason == null || reason.isBlank()) {
            throw Refused.invalid("reason", "reason is required: why the data is exported or erased (a request number, not the person's data)");
        }
        if (reason.length() > MAX_REASON || reason.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE)) {
            throw Refused.invalid("reason", "reason must be at most " + MAX_REASON + " characters of plain text");
        }
        return new Requester(AuditLog.Actor.HUMAN, caller.subject(), reason);
    }
}
