package com.jorge.platform.inbox.leads;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.offers.HandoffOffer;
import com.jorge.platform.storage.MessageRepository;

import java.time.Instant;
import java.util.List;

/** What an agent reads before taking a lead: the transcript, the bot's temperature and its reasons, who has it. */
public record LeadConversation(LeadRef lead, String firstName, String botType, String stage, String temperature,
                               List<String> temperatureReasons, Instant pausedUntil, boolean botPaused,
                               List<MessageRepository.StoredMessage> messages, List<HandoffOffer> offers) {

    static LeadConversation of(LeadRef lead, String firstName, ConversationState state, Instant now,
                               List<MessageRepository.StoredMessage> messages, List<HandoffOffer> offers) {
        return new LeadConversation(lead, firstName, state.botType().name(), state.stage(), state.temperature().name(),
                state.temperatureReasons(), state.pausedUntil(), state.pausedAt(now), messages, offers);
    }
}
