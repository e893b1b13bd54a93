package com.jorge.platform.audit.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.audit.AuditEntry;
import com.jorge.platform.json.PlatformJson;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit entries as JSON lines, one entry a line, every field of {@link AuditEntry}; {@code detail} is
 * the stored jsonb text as a string, the exact bytes its hash covers.
 */
public final class AuditLines {

    private static final ObjectMapper JSON = PlatformJson.mapper();

    private AuditLines() {
    }

    public static byte[] write(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder();
        try {
            for (AuditEntry e : entries) out.append(JSON.writeValueAsString(e)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static List<AuditEntry> read(byte[] body) {
        List<AuditEntry> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) out.add(JSON.readValue(line, AuditEntry.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an audit export object is not JSON lines", e);
        }
        return out;
    }
}
