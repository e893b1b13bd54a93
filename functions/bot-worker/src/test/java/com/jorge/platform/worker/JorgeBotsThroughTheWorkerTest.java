package com.jorge.platform.worker;

import com.jorge.platform.worker.lambda.WorkerFunction;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Jorge bots behind the worker: the lead's zone, quiet hours, the starting side, and listings from the real search. */
class JorgeBotsThroughTheWorkerTest {

    private static BotSuite jorge;
    private WorkerTestRig rig;

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    @Test
    void aTextAt3amInAustinIsAnsweredAt9amAustinTime() throws Exception {
        // 09:00 UTC = 03:00 in Austin (CST): the 512 area code puts the lead there
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl());
        rig.worker.messages().process(GhlWebhooks.contactCreate("loc-tx", "nightowl", "Rosa", "Diaz",
                "+15125550123", "rosa@example.com", clock.instant()), 0);
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "nightowl",
                "Hi, we need to sell our house in Round Rock, relocating in 2 months", clock.instant()), 0);

        assertThat(rig.ghl.smsTo("nightowl")).isEmpty();
        assertThat(rig.text("SELECT not_before FROM messages WHERE contact_id = 'nightowl' AND status = 'pending'"))
                .startsWith("2026-11-23 15:00:00"); // 09:00 CST: Texas's texting hours (SB 140) start later than the bots' 08:00
        clock.advance(Duration.ofHours(5));
        assertThat(rig.worker.delivery().deliverDueDeferred(10)).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(rig.worker.delivery().deliverDueDeferred(10)).isEqualTo(1);
        assertThat(rig.ghl.smsTo("nightowl")).hasSize(1).first().asString().contains("Rosa");
    }

    @Test
    void aContactGhlTaggedAsABuyerStartsWithTheBuyerBot() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl());
        String contact = GhlWebhooks.contactCreate("loc-tx", "tagged", "Sam", "Lee", "+15125550124", "sam@example.com",
                clock.instant()).replace("\"website-lead\"", "\"buyer-lead\"");
        rig.worker.messages().process(contact, 0);
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "tagged", "hi there", clock.instant()), 0);
        assertThat(rig.text("SELECT bot_type FROM conversations WHERE contact_id = 'tagged'")).isEqualTo("BUYER");
        assertThat(rig.ghl.smsTo("tagged")).hasSize(1);
    }

    @Test
    void aBuyerWhoGaveAreaBudgetAndBedroomsIsTextedListingsThatMeetThem() throws Exception {
        // 20:00 UTC is noon in Kirkland (425): inside texting hours
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T20:00:00Z"));
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl(), Map.of("SEARCH_LISTINGS", "true",
                "SEARCH_LOAD_SAMPLE", "true", "SEARCH_CACHE_PREFIX", TestRedis.namespace("search") + ":",
                "SEARCH_LISTING_LINK", "https://homes.example/l/{id}"));
        rig.worker.messages().process(GhlWebhooks.contactCreate("loc-wa", "kim", "Kim", "Ng", "+14255550130",
                "kim@example.com", clock.instant()).replace("\"website-lead\"", "\"buyer-lead\""), 0);
        for (String text : new String[] {"Hi, I'm looking to buy a home in Kirkland", "budget is 900k", "3 bedrooms please"}) {
            clock.advance(Duration.ofMinutes(2));
            rig.worker.messages().process(GhlWebhooks.inboundSms("loc-wa", "kim", text, clock.instant()), 0);
        }

        List<String> texts = rig.ghl.smsTo("kim");
        List<String> offers = texts.stream().filter(t -> t.contains("https://homes.example/l/")).toList();
        assertThat(offers).as(String.join("\n", texts)).hasSize(1); // one text with the listings, once
        Matcher link = Pattern.compile("https://homes\\.example/l/(\\d+)").matcher(offers.getFirst());
        List<String> ids = new ArrayList<>();
        while (link.find()) ids.add(link.group(1));
        assertThat(ids).as(String.join("\n", texts)).hasSizeBetween(2, 3).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(rig.count("SELECT count(*) FROM search_listings WHERE id = " + id + " AND price <= 900000"
                    + " AND bedrooms >= 3 AND zip IN ('98033', '98034') AND status = 'ACTIVE'")).as("listing " + id).isEqualTo(1);
        }
    }

    @Test
    void aLeadMovingThroughThePipelineKeepsOneOpportunity() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl());
        for (String text : new String[] {"Hi! We're pre-approved with Chase for 450k and ready to buy",
                "Round Rock or Cedar Park", "3 bed 2 bath", "We'd like to move within 2 months"}) {
            clock.advance(Duration.ofMinutes(3));
            rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "priya", text, clock.instant()), 0);
        }
        var calls = rig.ghl.calls().stream().map(c -> c.method() + " " + c.path() + " " + c.body()).toList();
        long created = rig.ghl.calls().stream().filter(c -> c.path().equals("/opportunities/")).count();
        long moved = rig.ghl.calls().stream().filter(c -> c.path().startsWith("/opportunities/fake-opp-")).count();
        assertThat(created).isEqualTo(1);
        assertThat(moved).as(String.join("\n", calls)).isGreaterThanOrEqualTo(1);
        assertThat(rig.text("SELECT pipeline_stage_id FROM opportunities WHERE contact_id = 'priya'")).isEqualTo("stage-hot");
    }
}
