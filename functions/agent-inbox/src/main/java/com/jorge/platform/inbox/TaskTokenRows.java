package com.jorge.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** What the offers' and approvals' tables share: rows keyed by a UUID, one row per workflow task token. */
public final class TaskTokenRows {

    private TaskTokenRows() {}

    /** The token's SHA-256, the unique key that makes a redelivered notification the same row. */
    public static String digest(String taskToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(taskToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for a well-formed row id: anything else is simply not found, never a database error. */
    public static boolean isRowId(String id) {
        if (id == null || id.length() != 36) return false;
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
