package com.jorge.platform.ghl.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.io.IOException;

/**
 * Says in our own words why a body is not JSON, with where: the JSON library's messages name its own
 * classes and settings and quote the input, none of which belongs in an answer to the sender.
 */
final class JsonSyntaxMessage {

    private JsonSyntaxMessage() {}

    static String of(IOException e) {
        String what = switch (e) {
            case JsonEOFException eof -> "it ends before the JSON document is complete";
            case StreamConstraintsException limit ->
                    "it nests deeper, or has a longer number, string or name, than the platform reads";
            default -> "unexpected content";
        };
        return "body is not valid JSON: " + what + (e instanceof JsonProcessingException j ? where(j.getLocation()) : "");
    }

    static String trailing(JsonParser tokens) {
        return "body is not valid JSON: it has content after the JSON document" + where(tokens.currentTokenLocation());
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) return "";
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
