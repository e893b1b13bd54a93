package com.jorge.platform.bots.simulator;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.Temperature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a persona's conversation must end. Null fields are not checked. Actions are compared as
 * descriptors so the expectation reads like the CRM: {@code AddTags:hot-lead},
 * {@code MoveOpportunity:Hot Lead}, {@code UpdateFields:contact.buyer_areas}, {@code HandOff},
 * {@code MarkDoNotDisturb}.
 */
public record ExpectedOutcome(Temperature temperature, String stage, Boolean optedOut, String language,
                              BotType botType, List<String> actions, List<String> absentActions,
                              Map<String, String> facts) {
    public ExpectedOutcome {
        actions = actions == null ? List.of() : List.copyOf(actions);
        absentActions = absentActions == null ? List.of() : List.copyOf(absentActions);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** The descriptors one action stands for. */
    public static List<String> describe(CrmAction action) {
        List<String> out = new ArrayList<>();
        switch (action) {
            case CrmAction.AddTags tags -> tags.tags().forEach(t -> out.add("AddTags:" + t));
            case CrmAction.UpdateFields fields -> fields.fields().keySet().forEach(k -> out.add("UpdateFields:" + k));
            case CrmAction.MoveOpportunity move -> out.add("MoveOpportunity:" + move.stageName());
            case CrmAction.MarkDoNotDisturb ignored -> out.add("MarkDoNotDisturb");
            case CrmAction.HandOff ignored -> out.add("HandOff");
            case CrmAction.ScheduleFollowUps ignored -> out.add("ScheduleFollowUps");
            case CrmAction.BookAppointment book -> out.add("BookAppointment:" + book.purpose());
            case CrmAction.CancelAppointment ignored -> out.add("CancelAppointment");
        }
        return out;
    }
}
