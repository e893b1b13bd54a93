package com.jorge.platform.bi.commission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realised commission of won deals under {@link CommissionRules}, in whole cents, in decision order
 * (the team cap depends on what the agent already paid the team that calendar year):
 * gross = price x rate; referral = gross x the lead source's fee; net = gross - referral;
 * agent = net x the agent's split; team = net - agent, cut to what is left of the cap (the agent keeps
 * the rest). Each rounding is half-up to the cent and every split is "one part rounded, the other the
 * difference", so referral + agent + team = gross exactly.
 */
public final class CommissionLedger {

    /** A won deal as the ledger needs it. */
    public record WonDeal(String opportunityId, String agentId, String leadSource, long valueCents, Instant decidedAt) {}

    /** One deal's commission, in cents. */
    public record Line(WonDeal deal, long grossCents, long referralCents, long agentCents, long teamCents,
                       boolean capReached) {}

    private final CommissionRules rules;
    private final ZoneId zone;

    public CommissionLedger(CommissionRules rules, ZoneId zone) {
        this.rules = rules;
        this.zone = zone;
    }

    /** Lines for {@code deals}, which must be in decision order and start at a calendar year's first deal. */
    public List<Line> lines(List<WonDeal> deals) {
        Map<String, Long> teamTakenThisYear = new HashMap<>();
        List<Line> out = new ArrayList<>();
        for (WonDeal deal : deals) {
            String yearAgent = deal.decidedAt().atZone(zone).getYear() + "/" + deal.agentId();
            long gross = share(deal.valueCents(), rules.rate());
            long referral = share(gross, rules.referralFeeOf(deal.leadSource()));
            long net = gross - referral;
            long agent = share(net, rules.splitOf(deal.agentId()));
            long team = net - agent;
            boolean capReached = false;
            if (rules.teamCap() != null) {
                long left = Math.max(0, cents(rules.teamCap()) - teamTakenThisYear.getOrDefault(yearAgent, 0L));
                if (team >= left) {
                    capReached = true;
                    team = left;
                    agent = net - team;
                }
            }
            teamTakenThisYear.merge(yearAgent, team, Long::sum);
            out.add(new Line(deal, gross, referral, agent, team, capReached));
        }
        return out;
    }

    /** cents x fraction, half-up to a whole cent. */
    public static long share(long cents, BigDecimal fraction) {
        return BigDecimal.valueOf(cents).multiply(fraction).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public static long cents(BigDecimal money) {
        return money.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    public static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
