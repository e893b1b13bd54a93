package com.jorge.platform.bi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.jorge.platform.json.PlatformJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The BI report of one location over a range of days (inclusive, in the location's zone), read from the
 * rollups. Counts are dated by when each step happened, so over a short range a later step can exceed an
 * earlier one (a lead that came in last week and was handed off today). Money is in the location's
 * currency as GHL stores it; commission is value x {@code commissionRate}.
 */
public record BiReport(String locationId, LocalDate from, LocalDate to, String zone, BigDecimal commissionRate,
                       Funnel funnel, List<LeadSource> leadSources, BotPerformance bots, Revenue revenue,
                       Pipeline pipeline, AgentPerformance agents, List<ModelAttribution> attributionByModel,
                       Commission commission, BotKpis botKpis, List<ExperimentResult> experiments, Coaching coaching,
                       List<ObjectionOutcome> objections) {

    public BiReport {
        leadSources = List.copyOf(leadSources);
        attributionByModel = List.copyOf(attributionByModel);
        experiments = List.copyOf(experiments);
        objections = List.copyOf(objections);
    }

    /** The conversion funnel; each rate is the step's count over new leads (null without new leads). */
    public record Funnel(int newLeads, int leadsAnswered, int qualified, int hot, int handedOff,
                         int appointmentsBooked, int dealsWon, int optedOut,
                         Double answeredRate, Double qualifiedRate, Double hotRate, Double handedOffRate,
                         Double appointmentRate, Double wonRate) {}

    public record LeadSource(String botType, String channel, int newLeads, int qualified, int handedOff) {}

    /** Response times are from a lead's message to the bot's reply being accepted by GHL (ms, nearest rank). */
    public record BotPerformance(int inboundMessages, int botRepliesSent, int repliesHeldByQuietHours,
                                 int responsesMeasured, Integer responseP50Ms, Integer responseP95Ms,
                                 int followUpsSent, int followUpsAnswered, Double followUpAnswerRate,
                                 int humanTakeovers) {}

    public record Revenue(int wonCount, BigDecimal wonValue, int lostCount, BigDecimal lostValue,
                          BigDecimal commissionEarned, List<Attribution> attribution) {
        public Revenue {
            attribution = List.copyOf(attribution);
        }
    }

    /** Won deals by what the bot did for the lead before the deal was decided, and the lead's first channel. */
    public record Attribution(String attribution, String channel, int wonCount, BigDecimal wonValue,
                              BigDecimal commission, int lostCount) {}

    /** The open pipeline as of the latest snapshot day in the range (null asOf when none was taken). */
    public record Pipeline(LocalDate asOf, int openCount, BigDecimal openValue, BigDecimal commissionPipeline,
                           List<Stage> stages) {
        public Pipeline {
            stages = List.copyOf(stages);
        }
    }

    public record Stage(String pipelineStageId, int openCount, BigDecimal openValue, BigDecimal commissionPipeline) {}

    /** Hand-off to the agent's first message to the lead (ms, nearest rank); awaiting = no human message yet. */
    public record AgentPerformance(int handoffs, int awaitingAgent, Integer firstReplyP50Ms, Integer firstReplyP95Ms,
                                   List<Agent> agents) {
        public AgentPerformance {
            agents = List.copyOf(agents);
        }
    }

    public record Agent(String agentId, int handoffs, int replied, Integer firstReplyP50Ms) {}

    /**
     * The bots' KPIs over the range. Rates are over new leads like the funnel's, except the booking rate
     * (bot-booked appointments per bot conversation). Cost = SMS segments (lead texts and bot texts) and LLM
     * tokens at the configured prices; ROI = (commission on the revenue credited to bot touches under the
     * linear model - cost) / cost. Null where the denominator is zero.
     */
    public record BotKpis(int conversations, Double messagesPerConversation, Integer replyP50Ms, Integer replyP95Ms,
                          Double qualificationRate, Double hotLeadRate, int botBookedAppointments, Double bookingRate,
                          int handoffsAccepted, Integer handoffAcceptP50Ms, Integer handoffAcceptP95Ms,
                          Double optOutRate, long smsSegments, long llmInputTokens, long llmOutputTokens,
                          BigDecimal smsCost, BigDecimal llmCost, BigDecimal totalCost, BigDecimal costPerConversation,
                          BigDecimal botAttributedRevenue, BigDecimal botAttributedCommission, Double roi) {}

    /**
     * One objection the bots answered in the range ({@code has_agent}, {@code not_interested}, {@code angry},
     * {@code not_now}, {@code price_too_high}, {@code just_looking}): how often, by how many leads, and what those
     * leads did after the first time in the range (counts and rates over the leads).
     */
    public record ObjectionOutcome(String objection, int raised, int leads, int wroteAgain, int qualified,
                                   int appointment, int optedOut, int won, Double wroteAgainRate, Double qualifiedRate,
                                   Double appointmentRate, Double optedOutRate, Double wonRate) {}

    /**
     * The won deals decided in the range, their value shared among the touches before each decision by one
     * model. The credits add up to {@code wonValue} exactly (whole cents, largest remainder per deal).
     */
    public record ModelAttribution(String model, int wonDeals, BigDecimal wonValue, List<Credit> credits) {
        public ModelAttribution {
            credits = List.copyOf(credits);
        }
    }

    /** What one touch (kind and key: a lead source and campaign, channel, bot, agent or calendar) earned. */
    public record Credit(String kind, String key, String campaign, int deals, BigDecimal credit) {}

    /** Realised commission of the won deals in the range and the projection of the open pipeline. */
    public record Commission(BigDecimal rate, Realised realised, Projected projected) {}

    /** gross = referral fees + agents' share + team's share, to the cent. */
    public record Realised(int deals, BigDecimal gross, BigDecimal referralFees, BigDecimal agentShare,
                           BigDecimal teamShare, List<AgentCommission> agents) {
        public Realised {
            agents = List.copyOf(agents);
        }
    }

    public record AgentCommission(String agentId, int deals, BigDecimal gross, BigDecimal referralFees,
                                  BigDecimal agentShare, BigDecimal teamShare, boolean capReached) {}

    /** Open value x the stage's win probability x rate, per stage of the latest pipeline snapshot. */
    public record Projected(LocalDate asOf, BigDecimal commission, List<StageProjection> stages) {
        public Projected {
            stages = List.copyOf(stages);
        }
    }

    /**
     * @param probabilitySource {@code learned} (the stage's own win rate once enough deals seen in it were
     *                          decided), {@code configured}, or {@code default}
     * @param decidedSeen       decided deals the aggregator saw in this stage, of which {@code wonSeen} won
     */
    public record StageProjection(String pipelineStageId, int openCount, BigDecimal openValue, BigDecimal probability,
                                  String probabilitySource, int decidedSeen, int wonSeen, BigDecimal commission) {}

    /**
     * One experiment over the leads first seen in the range (from its start). {@code decision}:
     * {@code collecting} (a variant is short of the planned sample: no winner, whatever the p-values say),
     * {@code sample_ratio_mismatch} (the split is off the weights, chi-square p &lt; 0.001: do not trust it),
     * {@code no_difference}, or {@code significant} with the {@code winner}.
     */
    public record ExperimentResult(String name, String kind, String metric, LocalDate startsOn,
                                   int plannedSamplePerVariant, double alpha, List<VariantResult> variants,
                                   double sampleRatioPValue, String decision, String winner) {
        public ExperimentResult {
            variants = List.copyOf(variants);
        }
    }

    /** Leads, conversions, rate and its Wilson interval at 1 - alpha; the comparison with control (null for control). */
    public record VariantResult(String variant, long leads, long conversions, Double rate, Double ciLow, Double ciHigh,
                                Comparison vsControl) {}

    /** rate - control's rate: interval at 1 - alpha / (variants - 1), and the two-proportion z-test's p-value. */
    public record Comparison(Double differenceLow, Double differenceHigh, double pValue) {}

    /**
     * Coaching per agent over the hand-offs of the range (the agent who accepted, else the deal's assignee).
     * Rates are over hand-offs (appointment, won deal at any time after the hand-off) or over hand-offs with
     * an appointment; {@code predictedSuccess}: the chance a new hand-off to the agent is won within
     * {@code windowDays}, with the model's forward validation on the location's own history.
     */
    public record Coaching(int windowDays, List<AgentCoaching> agents, Validation validation) {
        public Coaching {
            agents = List.copyOf(agents);
        }
    }

    public record AgentCoaching(String agentId, int handoffs, int accepted, Integer acceptP50Ms, Integer acceptP95Ms,
                                Integer firstReplyP50Ms, Integer firstReplyP95Ms, Double appointmentRate,
                                Double appointmentToDealRate, Double dealRate, Double predictedSuccess,
                                List<WeekPoint> trend) {
        public AgentCoaching {
            trend = List.copyOf(trend);
        }
    }

    /** One week (starting Monday, the location's zone) of an agent's hand-offs. */
    public record WeekPoint(LocalDate weekStart, int handoffs, Integer acceptP50Ms, Double dealRate) {}

    /** Held-out months scored forward in time, and calibration pooled over them. */
    public record Validation(int windowDays, double priorStrength, List<MonthScore> heldOutMonths,
                             List<CalibrationBin> calibration) {
        public Validation {
            heldOutMonths = List.copyOf(heldOutMonths);
            calibration = List.copyOf(calibration);
        }
    }

    /** Brier score of the model and of the location-rate baseline (lower is better), and log loss. */
    public record MonthScore(String month, int handoffs, double brier, double baselineBrier, double logLoss) {}

    public record CalibrationBin(double from, double to, long handoffs, double meanPredicted, double observedRate) {}

    public String toJson() {
        try {
            return PlatformJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("BI report could not be rendered", e);
        }
    }
}
