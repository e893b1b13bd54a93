package com.jorge.platform.bots.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words a plan from the template library. The variation is a pure function of the plan's seed (lead
 * and turn) and the step, so a lead does not get the same text twice in a row, and tests are stable.
 */
public final class TemplateReplyWriter implements ReplyWriter {

    public static final int MAX_SEGMENTS = 2;
    /** Longest lead name the templates take; a longer or odd-looking one is left out, not cut. */
    public static final int MAX_NAME_LENGTH = 20;

    private static final Pattern PLAIN_NAME = Pattern.compile("\\p{L}[\\p{L}'\\- ]{0," + (MAX_NAME_LENGTH - 1) + "}");

    private final ReplyTemplates templates;

    public TemplateReplyWriter(ReplyTemplates templates) {
        this.templates = templates;
    }

    public ReplyTemplates templates() {
        return templates;
    }

    @Override
    public String write(ReplyPlan plan) {
        List<String> texts = new ArrayList<>();
        for (ReplyPart part : plan.parts()) {
            texts.add(render(part.key(), plan));
        }
        List<ReplyPart> parts = new ArrayList<>(plan.parts());
        String reply = String.join(" ", texts);
        // drop optional parts, last first, until the reply fits
        for (int i = parts.size() - 1; i >= 0 && SmsSegments.count(reply) > MAX_SEGMENTS; i--) {
            if (parts.get(i).optional()) {
                parts.remove(i);
                texts.remove(i);
                reply = String.join(" ", texts);
            }
        }
        // then trailing required parts: the first part is what this turn is about
        while (SmsSegments.count(reply) > MAX_SEGMENTS && texts.size() > 1) {
            texts.removeLast();
            reply = String.join(" ", texts);
        }
        if (SmsSegments.count(reply) > MAX_SEGMENTS) {
            throw new IllegalStateException("reply for " + plan.parts() + " takes " + SmsSegments.count(reply)
                    + " segments on its own");
        }
        return reply;
    }

    /** One step's text, with the plan's values in place. */
    public String render(String key, ReplyPlan plan) {
        List<String> variations = templates.variations(key, plan.language(), plan.tone(), plan.templateSet());
        String text = variations.get(pick(plan.seed() + "|" + key, variations.size()));
        return fill(text, plan.values());
    }

    static String fill(String text, Map<String, String> values) {
        String name = values.get("name");
        if (name == null || !PLAIN_NAME.matcher(name.strip()).matches()) {
            text = text.replace(" {name}", "").replace("{name}", "");
        } else {
            text = text.replace("{name}", name.strip());
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (!value.getKey().equals("name")) {
                text = text.replace("{" + value.getKey() + "}", value.getValue());
            }
        }
        if (text.indexOf('{') >= 0) {
            throw new IllegalStateException("template left a placeholder unfilled: " + text);
        }
        return text;
    }

    /** A well-spread index from a stable string hash (murmur3's finaliser over String.hashCode). */
    static int pick(String seed, int size) {
        int h = seed.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, size);
    }
}
