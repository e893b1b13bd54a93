package com.jorge.platform.audit.archive;

import java.util.List;

/** Where the audit export lives: a write-once object store (S3 with Object Lock in AWS). */
public interface ArchiveStore {

    /** Stores an object; the store keeps it for the retention period, never to be overwritten or deleted. */
    void put(String key, byte[] body);

    /** The keys under {@code prefix}, in lexicographic order. */
    List<String> keys(String prefix);

    byte[] get(String key);
}
