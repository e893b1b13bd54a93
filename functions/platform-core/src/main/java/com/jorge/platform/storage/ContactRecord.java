package com.jorge.platform.storage;

import java.util.List;

/** A lead's contact details as last reported by GHL. */
public record ContactRecord(String locationId, String contactId, String firstName, String lastName, String phone,
                            String email, List<String> tags, boolean dnd, String timeZone, boolean deleted) {
    public ContactRecord {
        tags = List.copyOf(tags);
    }

    @Override
    public String toString() {
        // personal data never reaches a log through toString
        return "ContactRecord[" + locationId + "/" + contactId + ", dnd=" + dnd + ", deleted=" + deleted + "]";
    }
}
