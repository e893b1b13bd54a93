package com.jorge.platform.observability;

/**
 * Masks personal data before it reaches a log line or a transcript: enough to correlate (last digits,
 * an initial), nothing that identifies the lead on its own. Emails and message bodies are never logged.
 */
public final class PiiMask {
    private PiiMask() {}

    public static String phone(String phone) {
        if (phone == null) return null;
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 4) return "***";
        return "***" + digits.substring(digits.length() - 3);
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) return name;
        return name.strip().charAt(0) + "***";
    }
}
