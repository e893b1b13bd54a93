package com.jorge.platform.bots.reply;

/**
 * How many SMS segments a text takes: GSM-7 (160 septets alone, 153 per part when concatenated) when
 * every character is in the GSM 03.38 alphabet, UCS-2 (70 code units alone, 67 per part) otherwise.
 * A single accented "á" or an emoji switches the whole message to UCS-2, which is why Spanish replies
 * must be shorter than English ones.
 */
public final class SmsSegments {

    private static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets for GSM-7 text (extension characters take two), UTF-16 code units for UCS-2 text. */
    public static int units(String text) {
        if (!isGsm7(text)) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    public static int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        boolean gsm = isGsm7(text);
        int units = units(text);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return units <= single ? 1 : (units + part - 1) / part;
    }

    /** The most units that still fit in {@code segments} segments for text of this encoding. */
    public static int capacity(boolean gsm7, int segments) {
        if (segments <= 1) {
            return gsm7 ? 160 : 70;
        }
        return segments * (gsm7 ? 153 : 67);
    }
}
