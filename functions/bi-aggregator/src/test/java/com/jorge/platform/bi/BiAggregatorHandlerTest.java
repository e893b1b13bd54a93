package com.jorge.platform.bi;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lambda entry point: a scheduled event runs the aggregator, a backfill request backfills. */
class BiAggregatorHandlerTest {

    static BiTestRig.Store store;
    BiTestRig rig;
    BiAggregatorHandler handler;

    @BeforeAll
    static void migrate() {
        store = BiTestRig.Store.create();
    }

    @AfterAll
    static void drop() {
        store.close();
    }

    @BeforeEach
    void setUp() {
        rig = new BiTestRig(store, Instant.parse("2026-05-20T18:00:00Z"), Map.of("BI_DEFAULT_ZONE", "UTC"));
        handler = new BiAggregatorHandler(rig.aggregator, rig.metrics);
        LeadRef lead = rig.lead("loc-1", "c-1", BotType.BUYER, Instant.parse("2026-05-18T10:00:00Z"));
        rig.inbound(lead, "SMS", Instant.parse("2026-05-18T10:00:00Z"));
    }

    @Test
    void aScheduledEventRunsTheAggregatorAndReportsItsSummary() {
        Map<String, Object> scheduled = Map.of("source", "aws.events", "detail-type", "Scheduled Event", "detail", Map.of());
        Map<String, Object> summary = handler.handleRequest(scheduled, null);

        // today, yesterday, and the lead's day two days ago
        assertThat(summary).containsEntry("daysRecomputed", 3).containsEntry("daysFailed", 0)
                .containsEntry("leadsRefreshed", 1);
        assertThat(rig.metrics.counter(BiMetrics.DAYS_RECOMPUTED)).isEqualTo(3);
        assertThat(rig.metrics.latencySamples(BiMetrics.RUN_DURATION)).isEqualTo(1);
    }

    @Test
    void aBackfillRequestRebuildsTheDaysItNames() {
        Map<String, Object> summary = handler.handleRequest(Map.of("detail",
                Map.of("backfillFrom", "2026-05-10", "backfillTo", "2026-05-14", "locationId", "loc-1")), null);
        assertThat(summary).containsEntry("daysRecomputed", 5).containsEntry("daysPending", 0);
        assertThat(rig.rows("bi_daily_activity", "loc-1")).extracting(r -> r.get("day"))
                .containsExactly("2026-05-10", "2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14");
    }

    @Test
    void aBadBackfillRequestNamesTheField() {
        assertThatThrownBy(() -> handler.handleRequest(Map.of("detail", Map.of("backfillFrom", "2026-05-10")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail.backfillTo");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("detail",
                Map.of("backfillFrom", "2026-05-10", "backfillTo", "May 14")), null))
                .hasMessageContaining("detail.backfillTo").hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("detail",
                Map.of("backfillFrom", "2026-05-10", "backfillTo", "2026-05-01")), null))
                .hasMessageContaining("from <= to");
    }
}
