package com.jorge.platform.contactdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.audit.AuditEntries;
import com.jorge.platform.audit.AuditEntry;
import com.jorge.platform.conversation.LeadRef;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Everything the platform holds on a contact as one JSON document: its rows in every Aurora table that
 * holds contact data, its Redis keys (the semantic cache's answers included), its objects in S3, its
 * audit entries (in the table and in the archive), and what GHL holds. The export is itself audited.
 */
public final class ContactDataExport {

    private final ContactStores stores;
    private final ObjectMapper json;
    private final AuroraContactRows rows;

    public ContactDataExport(ContactStores stores, ObjectMapper json) {
        this.stores = stores;
        this.json = json;
        this.rows = new AuroraContactRows(json);
    }

    public ObjectNode export(LeadRef lead, Requester requester) {
        ObjectNode doc = json.createObjectNode();
        doc.put("locationId", lead.locationId());
        doc.put("contactId", lead.contactId());
        doc.put("exportedAt", stores.clock().instant().toString());
        record Held(Map<String, ?> aurora, List<AuditEntry> audit) {}
        Held held = stores.db().inTransaction(c -> {
            Held h = new Held(rows.export(c, lead), AuditEntries.ofContact(c, lead.locationId(), lead.contactId()));
            stores.audit().record(c, lead.locationId(), lead.contactId(), requester.actor(), requester.actorId(),
                    "contact_exported", requester.reason(), Map.of());
            return h;
        });
        doc.set("aurora", json.valueToTree(held.aurora()));
        doc.set("redis", json.valueToTree(stores.redis() == null ? Map.of() : stores.redis().export(lead)));
        var objects = doc.putArray("objects");
        for (ContactObjects.StoredObject o : stores.objects().export(lead)) {
            objects.addObject().put("key", o.key()).put("base64", Base64.getEncoder().encodeToString(o.body()));
        }
        ObjectNode audit = doc.putObject("audit");
        audit.set("entries", json.valueToTree(held.audit()));
        audit.set("archived", json.valueToTree(stores.archive() == null ? List.of()
                : stores.archive().ofContact(lead.locationId(), lead.contactId())));
        doc.set("heldByGhl", json.valueToTree(HeldByGhl.DATA));
        return doc;
    }
}
