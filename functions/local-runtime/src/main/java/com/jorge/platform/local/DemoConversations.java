package com.jorge.platform.local;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PiiMask;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Plays two realistic leads (a seller, a buyer) through signed webhooks over HTTP, exactly as GHL would
 * deliver them, and prints what the bot sent to GHL and the state it kept.
 */
final class DemoConversations {

    static final String LOCATION = "loc-demo";

    record Lead(String label, String contactId, String firstName, String lastName, String phone, String email,
                List<String> texts) {}

    static final List<Lead> LEADS = List.of(
            new Lead("Seller", "c-maria", "Maria", "Lopez", "+15125550101", "maria.lopez@example.com", List.of(
                    "Hi! I got your postcard. I'm thinking about selling my house on Elm St",
                    "We're relocating to Denver, my husband got a job there",
                    "We need to be out by June",
                    "Honestly hoping for around 450k, the neighbors got 460")),
            new Lead("Buyer", "c-james", "James", "Carter", "+15125550177", "jcarter@example.com", List.of(
                    "Hey, I'm looking to buy a 3 bed home, saw your listing on Zillow",
                    "Somewhere between 300 and 400k",
                    "Yes, pre-approved with Chase last week",
                    "Round Rock or Cedar Park, good schools matter")));

    private final LocalPlatform platform;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoConversations(LocalPlatform platform, PrintStream out) {
        this.platform = platform;
        this.out = out;
    }

    /** Returns true when every message was answered and both leads ended hot and handed off. */
    boolean play() throws Exception {
        boolean ok = true;
        for (Lead lead : LEADS) ok &= play(lead);
        out.println();
        out.println("Metrics: " + platform.metrics().snapshot());
        return ok;
    }

    private boolean play(Lead lead) throws Exception {
        out.println();
        out.println("── " + lead.label() + ": " + lead.firstName() + " " + lead.lastName() + " (" + PiiMask.phone(lead.phone()) + ") ──");
        post(GhlWebhooks.contactCreate(LOCATION, lead.contactId(), lead.firstName(), lead.lastName(), lead.phone(),
                lead.email(), Instant.now()));
        boolean answered = true;
        for (String text : lead.texts()) {
            int before = platform.ghl().smsTo(lead.contactId()).size();
            long start = System.nanoTime();
            int status = post(GhlWebhooks.inboundSms(LOCATION, lead.contactId(), text, Instant.now()));
            out.println("  lead ▸ " + text + "   [webhook " + status + "]");
            List<String> replies = awaitReplies(lead.contactId(), before);
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (replies.isEmpty()) {
                out.println("  bot  ◂ (no reply)");
                answered = false;
            }
            for (String r : replies) out.println("  bot  ◂ " + r + "   [" + ms + " ms]");
        }
        out.println("  CRM actions sent to GHL:");
        for (FakeGhlServer.Call c : platform.ghl().callsFor(lead.contactId())) {
            if (c.path().equals("/conversations/messages")) continue;
            out.println("    " + c.method() + " " + c.path() + " " + c.body());
        }
        String temperature = printState(new LeadRef(LOCATION, lead.contactId()));
        return answered && "HOT".equals(temperature);
    }

    private int post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(platform.webhookUrl())
                .header("Content-Type", "application/json")
                .header("X-WH-Signature", platform.signer().rsaSignature(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<String> awaitReplies(String contactId, int before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            platform.queue().awaitIdle(Duration.ofSeconds(5));
            List<String> sms = platform.ghl().smsTo(contactId);
            if (sms.size() > before) return sms.subList(before, sms.size());
            Thread.sleep(20);
        }
        return List.of();
    }

    private String printState(LeadRef lead) throws Exception {
        try (Connection c = platform.worker().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT bot_type, stage, temperature, temperature_reasons::text, facts::text, turns
                     FROM conversations WHERE location_id = ? AND contact_id = ?""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    out.println("  state: (none stored)");
                    return null;
                }
                out.println("  state kept: bot=" + rs.getString(1) + " stage=" + rs.getString(2) + " temperature="
                        + rs.getString(3) + " reasons=" + rs.getString(4) + " turns=" + rs.getInt(6));
                out.println("  facts:      " + rs.getString(5));
                return rs.getString(3);
            }
        }
    }
}
