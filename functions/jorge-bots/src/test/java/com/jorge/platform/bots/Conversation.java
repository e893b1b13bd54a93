package com.jorge.platform.bots;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.LeadRef;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A lead talking to a policy in a test: keeps the state between messages like the worker does. */
final class Conversation {

    final ConversationPolicy policy;
    final LeadRef lead;
    final ZoneId zone;
    ConversationState state;
    Instant now;
    /** The lead's phone (its area code names the state whose texting laws apply); null when unknown. */
    String phone;
    final List<BotTurn> turns = new ArrayList<>();

    Conversation(ConversationPolicy policy, BotType side, String contactId, ZoneId zone, Instant start) {
        this.policy = policy;
        this.lead = new LeadRef("loc-1", contactId);
        this.zone = zone;
        this.state = ConversationState.fresh(side);
        this.now = start;
    }

    BotTurn say(String text) {
        now = now.plusSeconds(90);
        BotTurn turn = policy.respond(context(), new InboundText("m" + turns.size(), text, "SMS", now));
        state = turn.nextState();
        turns.add(turn);
        return turn;
    }

    ConversationContext context() {
        return new ConversationContext(lead, "Maria", state, zone, now, phone);
    }

    List<CrmAction> allActions() {
        return turns.stream().flatMap(t -> t.actions().stream()).toList();
    }

    static List<String> tags(List<CrmAction> actions) {
        return actions.stream().filter(a -> a instanceof CrmAction.AddTags)
                .flatMap(a -> ((CrmAction.AddTags) a).tags().stream()).toList();
    }

    static <T extends CrmAction> List<T> of(List<CrmAction> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
