package com.jorge.platform.bi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one location-day's rollup rows hold, computed from the source tables.
 *
 * @param pipeline open deals by stage, or null when the day keeps the snapshot it has (not today)
 */
record DayFigures(Map<FunnelKey, Funnel> funnel, Activity activity, Map<String, AgentDay> agents,
                  Map<RevenueKey, Revenue> revenue, Map<String, Pipeline> pipeline, BotDay bots) {

    DayFigures {
        funnel = Map.copyOf(funnel);
        agents = Map.copyOf(agents);
        revenue = Map.copyOf(revenue);
        pipeline = pipeline == null ? null : Map.copyOf(pipeline);
    }

    Optional<Map<String, Pipeline>> pipelineSnapshot() {
        return Optional.ofNullable(pipeline);
    }

    record FunnelKey(String botType, String channel) {}

    record Funnel(int newLeads, int leadsAnswered, int qualified, int hot, int handedOff, int appointmentsBooked,
                  int optedOut) {
        static final Funnel ZERO = new Funnel(0, 0, 0, 0, 0, 0, 0);

        Funnel withAppointments(int appointments) {
            return new Funnel(newLeads, leadsAnswered, qualified, hot, handedOff, appointments, optedOut);
        }
    }

    /** Durations are sorted ascending, in milliseconds. */
    record Activity(int inboundMessages, int botRepliesSent, int repliesHeld, List<Integer> responseSamplesMs,
                    int followUpsSent, int followUpsAnswered, int humanTakeovers, int handoffs,
                    int handoffsAwaitingAgent, List<Integer> agentReplySamplesMs) {
        Activity {
            responseSamplesMs = responseSamplesMs.stream().sorted().toList();
            agentReplySamplesMs = agentReplySamplesMs.stream().sorted().toList();
        }
    }

    record AgentDay(int handoffs, List<Integer> agentReplySamplesMs) {
        AgentDay {
            agentReplySamplesMs = agentReplySamplesMs.stream().sorted().toList();
        }
    }

    /** Bot conversations started, SMS segments, LLM tokens, bot-booked appointments, hand-off acceptance (ms, sorted). */
    record BotDay(int conversations, int smsSegments, long llmInputTokens, long llmOutputTokens, int botBooked,
                  List<Integer> handoffAcceptSamplesMs) {
        BotDay {
            handoffAcceptSamplesMs = handoffAcceptSamplesMs.stream().sorted().toList();
        }
    }

    record RevenueKey(String attribution, String channel) {}

    record Revenue(int wonCount, BigDecimal wonValue, int lostCount, BigDecimal lostValue) {}

    record Pipeline(int openCount, BigDecimal openValue) {}
}
