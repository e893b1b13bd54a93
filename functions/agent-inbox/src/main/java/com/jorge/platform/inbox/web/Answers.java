package com.jorge.platform.inbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** The inbox's JSON answers: never cached (they carry personal data), errors as {error, field, message}. */
final class Answers {

    private Answers() {}

    static MutableHttpResponse<String> json(ObjectMapper json, int status, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(status)).body(text)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store");
    }

    static MutableHttpResponse<String> error(ObjectMapper json, int status, String error, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) body.put("field", field);
        body.put("message", message);
        return json(json, status, body);
    }
}
