package com.jorge.platform.contactdata;

import com.jorge.platform.conversation.LeadRef;

import java.util.List;

/**
 * Objects the platform keeps per contact in object storage, under {@code <prefix>/<location>/<contact>/}
 * (documents, recordings, exports). Today nothing writes there; the port exists so that what does is
 * exported and erased with the rest.
 */
public interface ContactObjects {

    /** One object: its key, and its bytes. */
    record StoredObject(String key, byte[] body) {}

    List<StoredObject> export(LeadRef lead);

    /** Deletes every object (every version) of the lead; returns how many objects went. */
    int erase(LeadRef lead);

    /** No object store configured. */
    ContactObjects NONE = new ContactObjects() {
        @Override
        public List<StoredObject> export(LeadRef lead) {
            return List.of();
        }

        @Override
        public int erase(LeadRef lead) {
            return 0;
        }
    };
}
