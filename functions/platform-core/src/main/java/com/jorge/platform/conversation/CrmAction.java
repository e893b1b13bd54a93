package com.jorge.platform.conversation;

import java.util.List;
import java.util.Map;

/** What the bot asks the CRM to do besides replying. The worker carries these out through the GHL API. */
public sealed interface CrmAction {

    record AddTags(List<String> tags) implements CrmAction {
        public AddTags { tags = List.copyOf(tags); }
    }

    /** Custom-field values keyed by the field's key in GHL (e.g. {@code contact.budget}). */
    record UpdateFields(Map<String, String> fields) implements CrmAction {
        public UpdateFields { fields = Map.copyOf(fields); }
    }

    /** Move the lead's opportunity to a named pipeline stage (resolved to ids by configuration). */
    record MoveOpportunity(String stageName) implements CrmAction {}

    /** The lead opted out: mark DND on the contact so no channel texts them again. */
    record MarkDoNotDisturb(String reason) implements CrmAction {}

    /** Put the lead in front of a human agent. */
    record HandOff(String reason) implements CrmAction {}
}
