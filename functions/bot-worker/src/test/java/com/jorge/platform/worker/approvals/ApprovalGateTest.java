package com.jorge.platform.worker.approvals;

import com.jorge.platform.approvals.ApprovalPolicy;
import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the approval policy sees of a bot turn. */
class ApprovalGateTest {

    private static final Instant AT = Instant.parse("2026-11-23T17:00:00Z");

    @Test
    void aListingAppointmentCarriesTheSellersPriceAndAnOptOutAHandOffOrTheScheduleNeverWait() {
        ConversationState seller = ConversationState.fresh(BotType.SELLER).withFacts(Map.of(ApprovalGate.SELLER_PRICE, "$925,000"));
        BotTurn turn = new BotTurn(List.of("Booked!"), List.of(
                new CrmAction.BookAppointment(AppointmentPurpose.LISTING, AT, AT.plusSeconds(3600), "ok", "taken", null),
                new CrmAction.BookAppointment(AppointmentPurpose.CALL, AT, AT.plusSeconds(900), "ok", "taken", null),
                new CrmAction.MarkDoNotDisturb("STOP"), new CrmAction.HandOff("hot"),
                new CrmAction.ScheduleFollowUps(AT, List.of(3600L)), new CrmAction.AddTags(List.of("seller"))), seller)
                .withProposals(List.of(new ProposedAction.PriceOpinion()));

        List<ProposedAction> proposals = ApprovalGate.proposals(turn, seller);

        assertThat(proposals).containsExactly(new ProposedAction.PriceOpinion(),
                new ProposedAction.ListingAppointment(new BigDecimal("925000")),
                new ProposedAction.Other("BookAppointment"), new ProposedAction.Other("AddTags"));
        var policy = new ApprovalPolicy(false, new BigDecimal("750000"), null, true, false);
        assertThat(policy.rulesFor(proposals.get(1), false)).containsExactly("listing_appointment_above");
    }

    @Test
    void aPriceThatIsNoNumberIsUnknownSoAboveAnyThreshold() {
        assertThat(ApprovalGate.propertyValue("450000")).isEqualByComparingTo("450000");
        assertThat(ApprovalGate.propertyValue("about 450k")).isNull(); // never read as 450
        assertThat(ApprovalGate.propertyValue("not sure")).isNull();
        assertThat(ApprovalGate.propertyValue("1.2.3")).isNull();
        assertThat(ApprovalGate.propertyValue(null)).isNull();
        assertThat(new ApprovalPolicy(false, new BigDecimal("750000"), null, false, false)
                .rulesFor(new ProposedAction.ListingAppointment(null), false)).containsExactly("listing_appointment_above");
    }
}
