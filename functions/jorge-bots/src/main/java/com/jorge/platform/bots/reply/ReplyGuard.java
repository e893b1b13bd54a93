package com.jorge.platform.bots.reply;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a written reply before it may be sent instead of the template: it must fit two segments,
 * carry no link, no placeholder, and no number the policy did not supply (an LLM must not invent a
 * price, a rate or a phone number).
 */
public final class ReplyGuard {

    private static final Pattern URL = Pattern.compile(
            "(?i)(https?://|www\\.|\\b[a-z0-9-]+\\.(com|net|org|io|co|us|ly|me|info|biz|app|link|xyz)\\b)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private ReplyGuard() {}

    /** Why the reply may not be sent, or empty when it may. */
    public static Optional<String> reject(String reply, String suppliedText) {
        if (reply == null || reply.isBlank()) {
            return Optional.of("empty reply");
        }
        int segments = SmsSegments.count(reply);
        if (segments > TemplateReplyWriter.MAX_SEGMENTS) {
            return Optional.of("too long: " + segments + " segments");
        }
        if (URL.matcher(reply).find()) {
            return Optional.of("contains a link");
        }
        if (reply.contains("{") || reply.contains("}")) {
            return Optional.of("contains a placeholder");
        }
        Set<String> allowed = numbers(suppliedText);
        for (String number : numbers(reply)) {
            if (!allowed.contains(number)) {
                return Optional.of("contains a number the policy did not supply: " + number);
            }
        }
        return Optional.empty();
    }

    static Set<String> numbers(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group().replace(",", ""));
        }
        return found;
    }
}
