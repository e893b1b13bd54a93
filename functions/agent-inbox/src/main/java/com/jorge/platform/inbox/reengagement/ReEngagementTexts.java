package com.jorge.platform.inbox.reengagement;

import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.Tone;
import com.jorge.platform.config.PlatformConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch will text, for the preview: the Jorge bots' own re-engagement templates ({@code reengage.seller},
 * {@code reengage.buyer} in functions/jorge-bots' reply-templates.json) in the bots' tone, with the team's and
 * agent's names filled in; {@code {name}} stays, each lead's first name (or nothing) replaces it. The worker
 * writes each lead's text with the same templates, one variation per lead.
 */
public final class ReEngagementTexts {

    private final Map<String, Map<String, List<String>>> texts;

    public ReEngagementTexts(ReplyTemplates templates, Tone tone, String agent, String team) {
        Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
        for (String side : List.of("seller", "buyer")) {
            Map<String, List<String>> byLanguage = new LinkedHashMap<>();
            for (String language : ReplyTemplates.LANGUAGES) {
                byLanguage.put(language, templates.variations("reengage." + side, language, tone).stream()
                        .map(t -> t.replace("{agent}", agent).replace("{team}", team)).toList());
            }
            all.put(side, Map.copyOf(byLanguage));
        }
        this.texts = Map.copyOf(all);
    }

    /** From the JORGE_BOTS_* settings the worker reads too (tone, agent and team names). */
    public static ReEngagementTexts fromConfig(PlatformConfig config) {
        BotSettings settings = BotSettings.fromConfig(config);
        return new ReEngagementTexts(ReplyTemplates.load(), settings.tone(), settings.agentName(), settings.teamName());
    }

    /** side (seller, buyer) → language (en, es) → the variations. */
    public Map<String, Map<String, List<String>>> all() {
        return texts;
    }
}
