package com.jorge.platform.bots.reply;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.experiments.Experiment;
import com.jorge.platform.experiments.Experiments;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured experiments the bots' wording takes part in ({@code EXPERIMENTS}, kinds {@code template} and
 * {@code bot_script}): a contact's variant is {@link Experiment#variantOf} (the stable hash the BI results use), and
 * a variant other than the first (control) words the steps its set in the template library words
 * ({@code variants.<variant name>} in reply-templates.json). A variant the library has no set for fails at start.
 * An experiment applies to its bot's leads from its start day on (the location's day); when two name a set for the
 * same lead, the first configured wins. {@link #variants} names the lead's variant of every kind of experiment
 * (a {@code follow_up_cadence} or {@code model_version} variant too, which the follow-up waits and the lead
 * score apply), so each turn records all the variants it was made under.
 */
public final class TemplateExperiments {

    private final List<Experiment> all;
    private final List<Experiment> running;
    private final ReplyTemplates templates;

    public TemplateExperiments(Experiments experiments, ReplyTemplates templates) {
        this.templates = templates;
        this.all = experiments.all();
        this.running = all.stream()
                .filter(e -> e.kind().equals("template") || e.kind().equals("bot_script")).toList();
        for (Experiment e : running) {
            for (Experiment.Variant v : e.variants().subList(1, e.variants().size())) {
                if (!templates.sets().contains(v.name())) {
                    throw new IllegalStateException("configuration " + Experiments.KEY + ": experiment '" + e.name() + "' variant '"
                            + v.name() + "' has no template set (variants." + v.name() + " in " + ReplyTemplates.RESOURCE + ")");
                }
            }
        }
    }

    /** The contact's variant of each experiment that applies to it on this day, by experiment name, in configured order. */
    public Map<String, String> variants(String contactId, BotType bot, LocalDate day) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Experiment e : all) {
            if (day.isBefore(e.startsOn())) continue;
            if (e.botType() != null && (bot == null || !e.botType().equals(bot.name().toLowerCase(Locale.ROOT)))) continue;
            out.put(e.name(), e.variantOf(contactId).name());
        }
        return out;
    }

    /** The template set the variants word with: the first that is a set of the library; null for the base templates. */
    public String templateSet(Map<String, String> variants) {
        for (Experiment e : running) {
            String variant = variants.get(e.name());
            if (variant != null && !variant.equals(e.variants().getFirst().name()) && templates.sets().contains(variant)) {
                return variant;
            }
        }
        return null;
    }
}
