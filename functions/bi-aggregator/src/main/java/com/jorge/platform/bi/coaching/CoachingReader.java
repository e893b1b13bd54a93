package com.jorge.platform.bi.coaching;

import com.jorge.platform.bi.BiReport;
import com.jorge.platform.bi.NearestRank;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coaching per agent for the hand-offs of a range: time to accept, time to the first human reply,
 * hand-off to appointment to won deal, the weekly trend, and the predicted chance a new hand-off to the
 * agent is won within {@link #WINDOW} ({@link SuccessModel}, validated by {@link ForwardValidation}).
 */
public final class CoachingReader {

    /** A hand-off counts as a success when its lead's deal is won within this. */
    public static final Duration WINDOW = Duration.ofDays(60);
    /** The prior is worth this many hand-offs; fixed in advance, not tuned. */
    public static final double PRIOR_STRENGTH = 10;
    public static final int HELD_OUT_MONTHS = 2;

    private final HandoffHistory history = new HandoffHistory();
    private final ForwardValidation validation = new ForwardValidation(WINDOW, PRIOR_STRENGTH, HELD_OUT_MONTHS);

    public BiReport.Coaching read(Connection c, String locationId, ZoneId zone, LocalDate from, LocalDate to, Instant now)
            throws SQLException {
        List<Handoff> all = history.read(c, locationId, Instant.EPOCH, now);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        SuccessModel model = SuccessModel.fit(all, now, WINDOW, PRIOR_STRENGTH);
        Map<String, List<Handoff>> byAgent = new TreeMap<>();
        for (Handoff h : all) {
            if (!h.handedOffAt().isBefore(start) && h.handedOffAt().isBefore(end)) {
                byAgent.computeIfAbsent(h.agentId(), k -> new ArrayList<>()).add(h);
            }
        }
        List<BiReport.AgentCoaching> agents = new ArrayList<>();
        byAgent.forEach((agent, handoffs) -> {
            Map<LocalDate, List<Handoff>> weeks = new TreeMap<>();
            for (Handoff h : handoffs) {
                weeks.computeIfAbsent(h.handedOffAt().atZone(zone).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new ArrayList<>()).add(h);
            }
            List<BiReport.WeekPoint> trend = new ArrayList<>();
            weeks.forEach((week, hs) -> trend.add(new BiReport.WeekPoint(week, hs.size(),
                    NearestRank.of(gaps(hs, Handoff::acceptedAt), 50), rate(hs.stream().filter(h -> h.wonAt() != null).count(), hs.size()))));
            long accepted = handoffs.stream().filter(h -> h.acceptedAt() != null).count();
            long appointments = handoffs.stream().filter(h -> h.appointmentAt() != null).count();
            long won = handoffs.stream().filter(h -> h.wonAt() != null).count();
            long wonAfterAppointment = handoffs.stream().filter(h -> h.appointmentAt() != null && h.wonAt() != null).count();
            List<Integer> accept = gaps(handoffs, Handoff::acceptedAt);
            List<Integer> reply = gaps(handoffs, Handoff::firstReplyAt);
            agents.add(new BiReport.AgentCoaching(agent, handoffs.size(), (int) accepted, NearestRank.of(accept, 50),
                    NearestRank.of(accept, 95), NearestRank.of(reply, 50), NearestRank.of(reply, 95),
                    rate(appointments, handoffs.size()), rate(wonAfterAppointment, appointments), rate(won, handoffs.size()),
                    model == null ? null : ForwardValidation.round(model.predict(agent)), trend));
        });
        return new BiReport.Coaching((int) WINDOW.toDays(), agents, validation.validate(all, zone, now));
    }

    /** Milliseconds from each hand-off to the moment {@code when} gives, sorted; hand-offs without one left out. */
    private static List<Integer> gaps(List<Handoff> handoffs, java.util.function.Function<Handoff, Instant> when) {
        List<Integer> out = new ArrayList<>();
        for (Handoff h : handoffs) {
            Instant t = when.apply(h);
            if (t != null) out.add((int) Math.min(Integer.MAX_VALUE, Math.max(0, Duration.between(h.handedOffAt(), t).toMillis())));
        }
        out.sort(null);
        return out;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : ForwardValidation.round((double) part / whole);
    }
}
