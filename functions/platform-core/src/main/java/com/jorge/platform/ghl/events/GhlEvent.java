package com.jorge.platform.ghl.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The GHL webhook events the platform acts on. Unknown types never become a {@code GhlEvent}: intake
 * answers 200, counts them and drops them.
 */
public sealed interface GhlEvent {

    EventMeta meta();

    /** The lead the event is about; one lead's events are handled in order. */
    String contactId();

    /** A lead wrote to us: the bot's trigger. */
    record InboundMessage(EventMeta meta, String contactId, String conversationId, String messageId,
                          String body, String messageType, Instant dateAdded) implements GhlEvent {}

    /** Someone on our side wrote to the lead: a human (userId/app) or our own bot's echo. */
    record OutboundMessage(EventMeta meta, String contactId, String conversationId, String messageId,
                           String body, String messageType, String userId, String source) implements GhlEvent {
        /** A person in the GHL app or mobile app, as opposed to an API, workflow or campaign send. */
        public boolean sentByHuman() {
            return userId != null || "app".equals(source) || "mobile".equals(source);
        }
    }

    enum ContactChange { CREATED, UPDATED }

    record ContactChanged(EventMeta meta, ContactChange change, String contactId, String firstName,
                          String lastName, String phone, String email, List<String> tags, boolean dnd,
                          String timezone) implements GhlEvent {
        public ContactChanged { tags = List.copyOf(tags); }
    }

    record ContactDeleted(EventMeta meta, String contactId) implements GhlEvent {}

    /** DND on means the lead opted out of messages. */
    record ContactDndChanged(EventMeta meta, String contactId, boolean dnd) implements GhlEvent {}

    enum OpportunityChange { CREATED, STATUS, STAGE, MONETARY_VALUE }

    record OpportunityChanged(EventMeta meta, OpportunityChange change, String opportunityId, String contactId,
                              String pipelineId, String pipelineStageId, String status,
                              BigDecimal monetaryValue, String name, String assignedTo) implements GhlEvent {}

    record AppointmentCreated(EventMeta meta, String appointmentId, String contactId, String calendarId,
                              String status, String title, Instant startTime, Instant endTime) implements GhlEvent {}
}
