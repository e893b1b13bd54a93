package com.jorge.platform.ghl.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the worker's PostgreSQL columns accept, checked before an event is accepted: a webhook the worker
 * could never store is refused at the door (400, naming the field) instead of failing five times in the
 * worker. The worker stores the whole body as {@code jsonb} (webhook_events.payload), so the document
 * check covers every key and value, not only the fields the platform reads. Messages name the field and
 * the rule, never the value (it may be personal data).
 */
final class StorageLimits {

    /** numeric(14,2) (opportunities.monetary_value): from here PostgreSQL rounds to 1e12, which overflows. */
    static final BigDecimal MONEY_LIMIT = new BigDecimal("999999999999.995");
    /** Below half a cent PostgreSQL stores 0.00; rounding such a number ourselves could cost a huge power of ten. */
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
    /**
     * timestamptz reaches 294276 AD, but java.sql.Timestamp switches to the Julian calendar before 1583
     * (so an older instant would be stored days off) and pgjdbc writes four-digit years: inside this range
     * an instant round-trips exactly.
     */
    static final Instant EARLIEST = Instant.parse("1583-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** PostgreSQL numeric (every jsonb number): at most 16383 digits after the point, 131072 before it. */
    static final int NUMERIC_MAX_SCALE = 16_383;
    static final int NUMERIC_MAX_INTEGER_DIGITS = 131_072;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private StorageLimits() {}

    /** Every field name, string and number of the document, with the JSON path of the first that breaks a limit. */
    static void checkDocument(JsonNode root) {
        record Visit(String path, JsonNode node) {}
        Deque<Visit> todo = new ArrayDeque<>();
        todo.push(new Visit("$", root));
        while (!todo.isEmpty()) {
            Visit v = todo.pop();
            JsonNode node = v.node();
            if (node.isTextual()) {
                checkText(v.path(), node.textValue());
            } else if (node.isNumber()) {
                checkNumber(v.path(), node.decimalValue());
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) todo.push(new Visit(v.path() + "[" + i + "]", node.get(i)));
            } else if (node.isObject()) {
                Deque<Visit> children = new ArrayDeque<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String problem = textProblem(field.getKey());
                    if (problem != null) {
                        throw new InvalidWebhookException(v.path(), v.path() + " has a field name that " + problem);
                    }
                    children.push(new Visit(child(v.path(), field.getKey()), field.getValue()));
                }
                children.forEach(todo::push); // reversed twice: fields are checked in document order
            }
        }
    }

    /** Text PostgreSQL stores: no NUL, and valid UTF-16 (no lone or reversed surrogate halves). */
    static void checkText(String path, String s) {
        String problem = textProblem(s);
        if (problem != null) throw new InvalidWebhookException(path, path + " " + problem);
    }

    /** A money amount for numeric(14,2), rounded as PostgreSQL rounds it. */
    static BigDecimal money(String path, BigDecimal amount) {
        if (amount.signum() < 0) throw new InvalidWebhookException(path, path + " must not be negative");
        if (amount.compareTo(MONEY_LIMIT) >= 0) {
            throw new InvalidWebhookException(path, path + " must be less than 1000000000000 (numeric(14,2))");
        }
        if (amount.compareTo(HALF_CENT) < 0) return BigDecimal.ZERO.setScale(2);
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static Instant instant(String path, Instant t) {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidWebhookException(path, path + " must be between " + EARLIEST + " and " + LATEST);
        }
        return t;
    }

    private static void checkNumber(String path, BigDecimal n) {
        // jsonb keeps the number's written scale: 1.00e-16382 has scale 16384 and overflows
        if (n.scale() > NUMERIC_MAX_SCALE || (long) n.precision() - n.scale() > NUMERIC_MAX_INTEGER_DIGITS) {
            throw new InvalidWebhookException(path, path + " is a number outside what PostgreSQL's numeric can hold "
                    + "(at most " + NUMERIC_MAX_INTEGER_DIGITS + " digits before the point and "
                    + NUMERIC_MAX_SCALE + " after it)");
        }
    }

    private static String textProblem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') return "contains a NUL character (\\u0000), which PostgreSQL text cannot hold";
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a proper pair: one character outside the BMP
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate (\\uD800-\\uDFFF), which is not valid Unicode";
            }
        }
        return null;
    }

    /** A child's JSON path; names that are not plain identifiers are quoted, with anything unusual escaped. */
    private static String child(String parent, String name) {
        String prefix = parent.equals("$") ? "" : parent;
        if (PLAIN_NAME.matcher(name).matches()) return prefix.isEmpty() ? name : prefix + "." + name;
        StringBuilder quoted = new StringBuilder(prefix.isEmpty() ? "$" : prefix).append("['");
        int shown = Math.min(name.length(), 64);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') quoted.append(c);
            else quoted.append(String.format("\\u%04x", (int) c));
        }
        if (shown < name.length()) quoted.append("...");
        return quoted.append("']").toString();
    }
}
