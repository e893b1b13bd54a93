package com.jorge.platform.ghl.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.json.PlatformJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GhlEventParserTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    private final GhlEventParser parser = new GhlEventParser(PlatformJson.mapper());

    @Test
    void readsAnInboundSmsAsDocumentedByGhl() {
        String body = GhlWebhooks.inboundSms("l1C08ntBrFjLS0elLIYU", "cI08i1Bls3iTB9bKgFJh", "I want to sell my house", T);
        var parsed = (ParsedWebhook.Known) parser.parse(body);
        var m = (GhlEvent.InboundMessage) parsed.event();
        assertThat(m.meta().locationId()).isEqualTo("l1C08ntBrFjLS0elLIYU");
        assertThat(m.meta().timestamp()).isEqualTo(T);
        assertThat(m.contactId()).isEqualTo("cI08i1Bls3iTB9bKgFJh");
        assertThat(m.body()).isEqualTo("I want to sell my house");
        assertThat(m.messageType()).isEqualTo("SMS");
    }

    @Test
    void tellsAHumanReplyFromAWorkflowSend() {
        var human = (GhlEvent.OutboundMessage) ((ParsedWebhook.Known) parser.parse(
                GhlWebhooks.humanReply("loc1", "c1", "I'll call you", T))).event();
        assertThat(human.sentByHuman()).isTrue();
        ObjectNode workflow = GhlWebhooks.envelope("OutboundMessage", "loc1", T).put("contactId", "c1")
                .put("messageId", "m1").put("source", "workflow");
        var auto = (GhlEvent.OutboundMessage) ((ParsedWebhook.Known) parser.parse(workflow.toString())).event();
        assertThat(auto.sentByHuman()).isFalse();
    }

    @Test
    void readsContactOpportunityAndAppointmentEvents() {
        var contact = (GhlEvent.ContactChanged) known(GhlWebhooks.contactCreate("loc1", "c1", "Ana", "Ruiz",
                "+15125550101", "ana@example.com", T));
        assertThat(contact.change()).isEqualTo(GhlEvent.ContactChange.CREATED);
        assertThat(contact.tags()).containsExactly("website-lead");

        var dnd = (GhlEvent.ContactDndChanged) known(GhlWebhooks.dndUpdate("loc1", "c1", true, T));
        assertThat(dnd.dnd()).isTrue();

        ObjectNode opp = GhlWebhooks.envelope("OpportunityStageUpdate", "loc1", T).put("id", "o1").put("contactId", "c1")
                .put("pipelineId", "p1").put("pipelineStageId", "e93ba61a-53b3-45e7-985a-c7732dbcdb69")
                .put("status", "open").put("monetaryValue", 425000.5);
        var o = (GhlEvent.OpportunityChanged) known(opp.toString());
        assertThat(o.change()).isEqualTo(GhlEvent.OpportunityChange.STAGE);
        assertThat(o.monetaryValue()).isEqualByComparingTo(new BigDecimal("425000.5"));

        ObjectNode appt = GhlWebhooks.envelope("AppointmentCreate", "loc1", T);
        appt.putObject("appointment").put("id", "a1").put("contactId", "c1").put("calendarId", "cal1")
                .put("appointmentStatus", "confirmed").put("startTime", "2023-09-25T16:00:00+05:30");
        var a = (GhlEvent.AppointmentCreated) known(appt.toString());
        assertThat(a.contactId()).isEqualTo("c1");
        assertThat(a.startTime()).isEqualTo(Instant.parse("2023-09-25T10:30:00Z"));
    }

    @Test
    void unknownTypesAreRecognisedNotRejected() {
        ObjectNode n = GhlWebhooks.envelope("NoteCreate", "loc1", T);
        assertThat(parser.parse(n.toString())).isInstanceOf(ParsedWebhook.Unknown.class);
    }

    @Test
    void malformedJsonNamesTheBody() {
        assertField("{\"type\": \"InboundMessage\",", "$");
        assertField("[1,2,3]", "$");
        assertField("\"just a string\"", "$");
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        ObjectNode n = GhlWebhooks.envelope("InboundMessage", "loc1", T).put("body", "hi");
        assertField(n.toString(), "contactId");
        n.put("contactId", 42);
        assertThatThrownBy(() -> parser.parse(n.toString())).isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining("contactId must be a string, not a number");
        n.put("contactId", "c1").remove("webhookId");
        assertField(n.toString(), "webhookId");
        n.put("webhookId", "w1").put("timestamp", "yesterday");
        assertField(n.toString(), "timestamp");
        n.put("timestamp", T.toString()).putArray("body");
        assertField(n.toString(), "body");
        ObjectNode dnd = GhlWebhooks.envelope("ContactDndUpdate", "loc1", T).put("id", "c1").put("dnd", "yes");
        assertField(dnd.toString(), "dnd");
        ObjectNode opp = GhlWebhooks.envelope("OpportunityStatusUpdate", "loc1", T).put("id", "o1")
                .put("contactId", "c1").put("monetaryValue", -5);
        assertField(opp.toString(), "monetaryValue");
        ObjectNode appt = GhlWebhooks.envelope("AppointmentCreate", "loc1", T);
        appt.putObject("appointment").put("id", "a1");
        assertField(appt.toString(), "appointment.contactId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "c1}{other", "c1:x", "", " ", "c1\nDEL *",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void hostileIdsAreRefused(String contactId) {
        ObjectNode n = GhlWebhooks.envelope("InboundMessage", "loc1", T).put("contactId", contactId).put("body", "hi");
        assertField(n.toString(), "contactId");
    }

    @Test
    void oversizedTextIsRefused() {
        ObjectNode n = GhlWebhooks.envelope("InboundMessage", "loc1", T).put("contactId", "c1").put("body", "x".repeat(20_000));
        assertField(n.toString(), "body");
    }

    private GhlEvent known(String body) {
        return ((ParsedWebhook.Known) parser.parse(body)).event();
    }

    private void assertField(String body, String field) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(InvalidWebhookException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
