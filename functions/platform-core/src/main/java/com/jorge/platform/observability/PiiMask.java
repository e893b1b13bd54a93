package com.jorge.platform.observability;

/**
 * Masks personal data before it reaches a log line. Logs keep enough to correlate (last digits, the
 * email domain, an initial) and nothing that identifies the lead on its own.
 */
public final class PiiMask {
    private PiiMask() {}

    public static String phone(String phone) {
        if (phone == null) return null;
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 4) return "***";
        return "***" + digits.substring(digits.length() - 3);
    }

    public static String email(String email) {
        if (email == null) return null;
        int at = email.indexOf('@');
        if (at <= 0) return "***";
        return email.charAt(0) + "***" + email.substring(at);
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) return name;
        return name.strip().charAt(0) + "***";
    }

    /** Free text from a lead may hold anything; only its size is logged. */
    public static String text(String text) {
        return text == null ? null : "<" + text.length() + " chars>";
    }
}
