package com.jorge.platform.bots.crm;

import com.jorge.platform.bots.PipelineStages;
import com.jorge.platform.bots.policy.Stage;
import com.jorge.platform.bots.temperature.TemperatureAssessment;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.Temperature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the bots do to a lead in GHL after a turn: tags, custom fields, pipeline moves and the hand-off
 * to a human. The conversation policy decides what to say; these rules decide what the team sees in the
 * CRM, from what the turn concluded ({@link TurnOutcome}).
 */
public final class PipelineRules {

    public static final String TEMPERATURE_FIELD = "contact.lead_temperature";
    public static final String TEMPERATURE_REASONS_FIELD = "contact.lead_temperature_reasons";

    private final PipelineStages stages;

    public PipelineRules(PipelineStages stages) {
        this.stages = Objects.requireNonNull(stages, "stages");
    }

    /**
     * What one turn concluded, as far as the CRM cares.
     *
     * @param from             the stage before the turn
     * @param decided          the stage the qualification step chose (before any hand-off)
     * @param botSilent        a human has the conversation: the bot moves nothing of theirs
     * @param bookingAccepted  the lead asked for a call or a showing and the bot agreed
     * @param showingRequested the request was for a showing (else a call)
     * @param previous         the lead's temperature before the turn
     * @param changedFields    CRM custom fields whose facts this turn learned or changed
     */
    public record TurnOutcome(Stage from, Stage decided, BotType side, boolean firstMessage, boolean botSilent,
                              boolean bookingAccepted, boolean showingRequested, boolean hasAgent,
                              Temperature previous, TemperatureAssessment assessment,
                              Map<String, String> changedFields) {
        public TurnOutcome {
            changedFields = Map.copyOf(changedFields);
        }
    }

    /** The actions to carry out, in order, and whether the turn hands a hot lead to a human. */
    public record CrmPlan(List<CrmAction> actions, boolean hotHandOff) {
        public CrmPlan {
            actions = List.copyOf(actions);
        }
    }

    public CrmPlan plan(TurnOutcome turn) {
        List<CrmAction> actions = new ArrayList<>();
        if (turn.firstMessage()) {
            actions.add(new CrmAction.AddTags(List.of(side(turn.side()) + "-lead", "jorge-bot")));
            actions.add(new CrmAction.MoveOpportunity(stages.qualifying()));
        }
        TemperatureAssessment assessment = turn.assessment();
        String why = String.join("; ", assessment.reasons());
        boolean canHandOff = !turn.botSilent() && turn.decided() != Stage.CLOSED && turn.decided() != Stage.NURTURE;
        boolean hotHandOff = assessment.temperature() == Temperature.HOT && canHandOff;
        Stage next = hotHandOff ? Stage.HANDED_OFF : turn.decided();
        if (hotHandOff) {
            actions.add(new CrmAction.AddTags(List.of("hot-lead")));
            actions.add(new CrmAction.MoveOpportunity(stages.hot()));
            actions.add(new CrmAction.HandOff("hot " + side(turn.side()) + " lead: " + why));
        } else if (turn.bookingAccepted()) {
            actions.add(new CrmAction.AddTags(List.of(turn.showingRequested() ? "showing-requested" : "call-requested")));
            actions.add(new CrmAction.MoveOpportunity(stages.appointment()));
            actions.add(new CrmAction.HandOff("asked for a call or showing; "
                    + assessment.temperature().name().toLowerCase(Locale.ROOT) + ": " + why));
        } else if (assessment.temperature() == Temperature.WARM && turn.previous() == Temperature.COLD
                && next != Stage.CLOSED && !turn.botSilent()) { // a human's pipeline is theirs to move
            actions.add(new CrmAction.AddTags(List.of("warm-lead")));
            actions.add(new CrmAction.MoveOpportunity(stages.warm()));
        }
        if (next != turn.from() && !turn.botSilent()) {
            if (next == Stage.NURTURE) {
                actions.add(new CrmAction.AddTags(List.of("nurture")));
                actions.add(new CrmAction.MoveOpportunity(stages.nurture()));
            } else if (next == Stage.CLOSED) {
                actions.add(new CrmAction.AddTags(List.of(turn.hasAgent() ? "has-agent" : "not-interested")));
                actions.add(new CrmAction.MoveOpportunity(stages.closed()));
            }
        }
        if (!turn.changedFields().isEmpty()) {
            actions.addFirst(new CrmAction.UpdateFields(turn.changedFields()));
        }
        return new CrmPlan(actions, hotHandOff);
    }

    /** A lead who opted out by text: tagged, and DND in GHL so no campaign texts them either. */
    public List<CrmAction> optedOut() {
        return List.of(new CrmAction.AddTags(List.of("opted-out")),
                new CrmAction.MarkDoNotDisturb("lead opted out by text"));
    }

    /** A text to the wrong person: tagged, and DND so the number is not texted again. */
    public List<CrmAction> wrongNumber() {
        return List.of(new CrmAction.AddTags(List.of("wrong-number")),
                new CrmAction.MarkDoNotDisturb("lead said wrong number"));
    }

    /** A text the bot could not read: a person answers it. */
    public List<CrmAction> unreadable() {
        return List.of(new CrmAction.AddTags(List.of("needs-human")),
                new CrmAction.HandOff("the bot could not read the lead's last message"));
    }

    private static String side(BotType side) {
        return side.name().toLowerCase(Locale.ROOT);
    }

    /** The custom fields for the lead's temperature, when it changed. */
    public static void temperatureFields(Map<String, String> fields, Temperature previous, TemperatureAssessment now) {
        if (now.temperature() != previous) {
            fields.put(TEMPERATURE_FIELD, now.temperature().name().toLowerCase(Locale.ROOT));
            fields.put(TEMPERATURE_REASONS_FIELD, String.join("; ", now.reasons()));
        }
    }
}
