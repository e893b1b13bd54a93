package com.jorge.platform.bots.compliance;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The states' rules and the area-code table as shipped: complete, consistent with the zones, and read right. */
class StateTextingDataTest {

    final StateTextingRules rules = StateTextingRules.parse("", "", v -> { throw new AssertionError(v); });

    @Test
    void everyStateDcAndTerritoryHasItsAreaCodesAndKnownNumbersLandInTheRightState() {
        Set<String> states = new HashSet<>(rules.stateByAreaCode().values());
        assertThat(states).hasSize(56); // 50 states, DC, PR, VI, GU, AS, MP
        assertThat(rules.stateByAreaCode()).hasSizeGreaterThan(360);
        Map<String, String> known = Map.ofEntries(Map.entry("+1 512 555 0100", "TX"), Map.entry("(305) 555-0100", "FL"),
                Map.entry("+12065550100", "WA"), Map.entry("410-555-0100", "MD"), Map.entry("+12035550100", "CT"),
                Map.entry("+12015550100", "NJ"), Map.entry("+14055550100", "OK"), Map.entry("+17875550100", "PR"),
                Map.entry("+14365550100", "OH"), Map.entry("+15615550100", "FL"), Map.entry("+17285550100", "FL"),
                Map.entry("+12025550100", "DC"), Map.entry("+14015550100", "RI"), Map.entry("+13135550100", "MI"));
        known.forEach((phone, state) -> assertThat(rules.stateOfPhone(phone)).as(phone).contains(state));
        assertThat(rules.stateOfPhone("+1 800 555 0100")).isEmpty();   // toll-free: no state
        assertThat(rules.stateOfPhone("+1 416 555 0100")).isEmpty();   // Toronto
        assertThat(rules.stateOfPhone("+44 20 7946 0958")).isEmpty();
        assertThat(rules.stateOfPhone(null)).isEmpty();
    }

    @Test
    void everyUsAreaCodeHasAZoneForTheLeadsLocalTime() {
        LeadZoneResolver zones = LeadZoneResolver.load();
        for (String code : rules.stateByAreaCode().keySet()) {
            assertThat(zones.zoneOfPhone("+1" + code + "5550100")).as(code).isPresent();
        }
    }

    @Test
    void theStatesTheIssueNamesHaveTheirHoursAndLimits() {
        for (String state : List.of("FL", "OK", "MD", "WA")) {
            WeeklyHours hours = (WeeklyHours) rules.hours().get(state);
            for (DayOfWeek day : DayOfWeek.values()) {
                assertThat(hours.on(day)).as(state + " " + day).isEqualTo(new WeeklyHours.Hours(LocalTime.of(8, 0), LocalTime.of(20, 0)));
            }
        }
        assertThat(rules.dailyLimits()).containsEntry("FL", 3).containsEntry("OK", 3).containsEntry("MD", 3).doesNotContainKey("TX");
        assertThat(((WeeklyHours) rules.hours().get("TX")).on(DayOfWeek.SUNDAY).from()).isEqualTo(LocalTime.NOON);
        assertThat(((WeeklyHours) rules.hours().get("CT")).on(DayOfWeek.MONDAY).from()).isEqualTo(LocalTime.of(9, 0));
        assertThat(((WeeklyHours) rules.hours().get("RI")).on(DayOfWeek.SUNDAY)).isNull();
        // every state with a rule can be recognised from a phone
        assertThat(new HashSet<>(rules.stateByAreaCode().values())).containsAll(rules.hours().keySet());
    }

    @Test
    void overridesReplaceOrDropAStatesRule() {
        StateTextingRules custom = StateTextingRules.parse("TX=none,GA=20:00-09:00", "FL=none,GA=2",
                v -> new QuietHours(LocalTime.parse(v.split("-")[0]), LocalTime.parse(v.split("-")[1])));
        assertThat(custom.hasHours("TX")).isFalse();
        assertThat(custom.hasHours("GA")).isTrue();
        assertThat(custom.hasHours("FL")).isTrue();
        assertThat(custom.dailyLimits()).doesNotContainKey("FL").containsEntry("GA", 2).containsEntry("OK", 3);
        assertThatThrownBy(() -> StateTextingRules.parse("", "FL=three", v -> null)).hasMessageContaining("JORGE_BOTS_STATE_TEXT_LIMIT");
    }

    @Test
    void aWindowWithADayOffAndTheTeamsHoursTogetherFindTheFirstMomentBothAllow() {
        ZoneId ny = ZoneId.of("America/New_York");
        ZoneId la = ZoneId.of("America/Los_Angeles");
        WeeklyHours rhodeIsland = new WeeklyHours(WeeklyHours.Hours.parse("09:00-18:00"), WeeklyHours.Hours.parse("10:00-17:00"),
                WeeklyHours.Hours.parse("none"));
        // Saturday 2026-06-13 17:30 in New York: RI closed until Monday 09:00, which the team's 21-08 quiet hours allow
        Instant saturday = LocalDateTime.of(2026, 6, 13, 17, 30).atZone(ny).toInstant();
        Instant next = TextingWindow.nextAllowed(saturday, List.of(QuietHours.DEFAULT, rhodeIsland), List.of(ny));
        assertThat(next).isEqualTo(LocalDateTime.of(2026, 6, 15, 9, 0).atZone(ny).toInstant());
        // with a second candidate zone three hours behind, every window holds in both: Monday 09:00 in LA
        Instant both = TextingWindow.nextAllowed(saturday, List.of(QuietHours.DEFAULT, rhodeIsland), List.of(ny, la));
        assertThat(both).isEqualTo(LocalDateTime.of(2026, 6, 15, 9, 0).atZone(la).toInstant());
        assertThat(rhodeIsland.isQuiet(both, ny)).isFalse();
        assertThatThrownBy(() -> new WeeklyHours(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeeklyHours.Hours.parse("20:00-08:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
