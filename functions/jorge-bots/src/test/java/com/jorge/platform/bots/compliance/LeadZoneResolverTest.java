package com.jorge.platform.bots.compliance;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LeadZoneResolverTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    final LeadZoneResolver zones = LeadZoneResolver.load();

    @Test
    void readsTheAreaCodeFromTheWaysPhoneNumbersAreWritten() {
        assertThat(zones.zoneOfPhone("+1 (212) 555-0100")).contains(ZoneId.of("America/New_York"));
        assertThat(zones.zoneOfPhone("310.555.0100")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(zones.zoneOfPhone("16025550100")).contains(ZoneId.of("America/Phoenix"));
        assertThat(zones.zoneOfPhone("+19155550100")).contains(ZoneId.of("America/Denver")); // El Paso, not Texas's Central
        assertThat(zones.zoneOfPhone("(787) 555-0100")).contains(ZoneId.of("America/Puerto_Rico"));
    }

    @Test
    void foreignShortOrUnknownNumbersHaveNoZone() {
        assertThat(zones.zoneOfPhone("+44 20 7946 0958")).isEmpty();
        assertThat(zones.zoneOfPhone("555-0100")).isEmpty();
        assertThat(zones.zoneOfPhone("(999) 555-0100")).isEmpty();
        assertThat(zones.zoneOfPhone(null)).isEmpty();
    }

    @Test
    void theLeadZoneFallsBackToTheLocationAndBothAreCandidates() {
        assertThat(zones.leadZone(CHICAGO, "+1 212 555 0100")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.leadZone(CHICAGO, "not a phone")).isEqualTo(CHICAGO);
        assertThat(zones.candidateZones(CHICAGO, "+1 212 555 0100"))
                .containsExactly(ZoneId.of("America/New_York"), CHICAGO);
        assertThat(zones.candidateZones(CHICAGO, "+1 512 555 0100")).containsExactly(CHICAGO);
    }

    @Test
    void theTableCoversTheNorthAmericanAreaCodes() {
        assertThat(zones.size()).isGreaterThan(390);
    }

    @Test
    void theZoneGhlRecordedComesFirstThenTheAreaCodeThenTheLocation() {
        LeadZoneResolver resolver = LeadZoneResolver.load();
        ZoneId chicago = ZoneId.of("America/Chicago");
        ZoneId denver = ZoneId.of("America/Denver");
        assertThat(resolver.leadZone(denver, chicago, "+13055550100")).isEqualTo(denver);
        assertThat(resolver.leadZone(null, chicago, "+13055550100")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(resolver.leadZone(null, chicago, "+18005550100")).isEqualTo(chicago);
        assertThat(resolver.leadZone(null, chicago, null)).isEqualTo(chicago);
    }
}
