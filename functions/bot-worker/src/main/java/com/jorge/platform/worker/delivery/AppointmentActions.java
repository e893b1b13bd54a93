package com.jorge.platform.worker.delivery;

import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.Appointment;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.ghl.api.GhlApiException;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.worker.booking.BookingCalendars;
import com.jorge.platform.worker.booking.BotAppointments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out the bots' booking actions on the team's GHL calendars, once per action however often the
 * outbox delivers it: the action's id is the key of its {@code bot_appointments} row, written together
 * with the text that follows (the confirmation, or the next slots when the slot was taken in between).
 * A redelivered action finds its row and only sends that text if it is still pending; a create whose
 * answer was lost is found in GHL before booking again. A second choice moves the appointment booked
 * before on the same calendar instead of booking another.
 */
public final class AppointmentActions {

    private static final Logger log = LoggerFactory.getLogger(AppointmentActions.class);

    private final GhlApiClient ghl;
    private final BookingCalendars calendars;
    private final String assignedUserId;
    private final Transactor db;
    private final BotAppointments rows;
    private final MessageRepository messages;
    private final ReplySender replies;
    private final Clock clock;

    public AppointmentActions(GhlApiClient ghl, BookingCalendars calendars, String assignedUserId, Transactor db,
                              BotAppointments rows, MessageRepository messages, ReplySender replies, Clock clock) {
        this.ghl = ghl;
        this.calendars = calendars;
        this.assignedUserId = assignedUserId;
        this.db = db;
        this.rows = rows;
        this.messages = messages;
        this.replies = replies;
        this.clock = clock;
    }

    public void book(long actionId, LeadRef lead, CrmAction.BookAppointment book) {
        if (db.inTransaction(c -> rows.ofAction(c, lead.locationId(), actionId)).isEmpty()) {
            String calendarId = calendars.calendarFor(lead.locationId(), book.purpose()).orElse(null);
            if (calendarId == null) {
                // the calendar was unconfigured since the slot was offered: the hand-off's agent takes it from here
                log.warn("no {} calendar configured for the location; appointment not booked", book.purpose());
                return;
            }
            Optional<BotAppointments.Row> before = db.inTransaction(c -> rows.current(c, lead))
                    .filter(r -> calendarId.equals(r.calendarId()));
            Appointment appointment = new Appointment(calendarId, book.start(), book.end(), title(book.purpose()), assignedUserId);
            String appointmentId = place(lead, appointment, before);
            boolean booked = appointmentId != null;
            String text = booked ? book.confirmation() : book.takenReply();
            db.inTransaction(c -> {
                long replyId = messages.addPendingReply(c, lead, text, textKey(actionId), held(book.textNotBefore()));
                rows.insert(c, new BotAppointments.Row(actionId, lead, appointmentId, calendarId, book.purpose(),
                        book.start(), booked ? "booked" : "taken", replyId));
                if (booked && before.isPresent()) rows.setStatus(c, lead.locationId(), before.get().actionId(), "moved");
                return null;
            });
        }
        sendText(lead, actionId);
    }

    public void cancel(long actionId, LeadRef lead, CrmAction.CancelAppointment cancel) {
        if (db.inTransaction(c -> rows.ofAction(c, lead.locationId(), actionId)).isEmpty()) {
            Optional<BotAppointments.Row> current = db.inTransaction(c -> rows.current(c, lead));
            current.ifPresent(r -> ghl.cancelAppointment(lead.locationId(), r.appointmentId()));
            db.inTransaction(c -> {
                long replyId = messages.addPendingReply(c, lead, cancel.confirmation(), textKey(actionId), held(cancel.textNotBefore()));
                rows.insert(c, new BotAppointments.Row(actionId, lead, current.map(BotAppointments.Row::appointmentId).orElse(null),
                        current.map(BotAppointments.Row::calendarId).orElse(null),
                        current.map(BotAppointments.Row::purpose).orElse(AppointmentPurpose.CALL),
                        current.map(BotAppointments.Row::start).orElse(null), "cancelled", replyId));
                if (current.isPresent()) rows.setStatus(c, lead.locationId(), current.get().actionId(), "cancelled");
                return null;
            });
        }
        sendText(lead, actionId);
    }

    /** Books (or moves the earlier appointment); null when GHL says the slot is no longer free. */
    private String place(LeadRef lead, Appointment appointment, Optional<BotAppointments.Row> before) {
        try {
            if (before.isPresent()) {
                ghl.updateAppointment(lead.locationId(), before.get().appointmentId(), appointment);
                return before.get().appointmentId();
            }
            // a create whose answer was lost (a crash after GHL booked it) is found, not booked twice
            Optional<String> existing = ghl.findAppointment(lead, appointment.calendarId(), appointment.start());
            return existing.orElseGet(() -> ghl.createAppointment(lead, appointment));
        } catch (GhlApiException e) {
            if (e.retryable() || e.status() < 400) throw e;
            log.info("appointment slot no longer free (GHL answered {}); offering the next ones", e.status());
            return null;
        }
    }

    /** Sends the action's text if it is due and not sent yet (a held one goes out with the due replies). */
    private void sendText(LeadRef lead, long actionId) {
        var pending = db.inTransaction(c -> messages.pendingReplies(c, lead.locationId(), textKey(actionId), clock.instant()));
        for (MessageRepository.PendingReply reply : pending) {
            String ghlMessageId = replies.sendHeld(reply); // read back from the outbox: marked before it goes out
            db.inTransaction(c -> {
                messages.markSent(c, lead.locationId(), reply.id(), ghlMessageId);
                return null;
            });
        }
    }

    private Instant held(Instant notBefore) {
        return notBefore != null && notBefore.isAfter(clock.instant()) ? notBefore : null;
    }

    private static String textKey(long actionId) {
        return "appointment-" + actionId;
    }

    private static String title(AppointmentPurpose purpose) {
        return switch (purpose) {
            case CALL -> "Call with a Jorge lead";
            case SHOWING -> "Showing for a Jorge lead";
            case LISTING -> "Listing appointment with a Jorge lead";
        };
    }
}
