package com.jorge.platform.perf;

import com.jorge.platform.bots.simulator.Persona;
import com.jorge.platform.bots.simulator.Personas;
import com.jorge.platform.perf.LoadShapes.Arrival;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadShapesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void thousandConversationsTextEveryFifteenToSixtySecondsEachInScriptOrderAtAboutTwentySevenPerSecond() {
        List<Persona> personas = Personas.all();
        List<Arrival> arrivals = LoadShapes.conversations("c-", 1000, 15, 60, 300, personas, 7);

        assertThat(arrivals.size() / 300.0).isBetween(25.0, 29.0); // 1000 / 37.5 s = 26.7 texts/s
        assertThat(arrivals).isSortedAccordingTo((a, b) -> Long.compare(a.offsetNanos(), b.offsetNanos()));
        assertThat(arrivals.getLast().offsetNanos()).isLessThan(300 * SECOND);
        Map<String, List<Arrival>> byLead = new HashMap<>();
        for (Arrival a : arrivals) byLead.computeIfAbsent(a.locationId() + "|" + a.contactId(), k -> new ArrayList<>()).add(a);
        Set<String> lanes = new HashSet<>();
        for (List<Arrival> texts : byLead.values()) {
            lanes.add(texts.getFirst().locationId() + "|" + texts.getFirst().contactId().split("-")[1]);
            Persona persona = personas.stream().filter(p -> texts.getFirst().contactId().endsWith("-" + p.id())).findFirst().orElseThrow();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(texts.get(i).text()).isEqualTo(persona.messages().get(i)); // each lead follows its script
                if (i > 0) {
                    assertThat(texts.get(i).offsetNanos() - texts.get(i - 1).offsetNanos()).isBetween(15 * SECOND, 60 * SECOND);
                }
            }
        }
        assertThat(lanes).hasSize(1000); // every lead is in conversation from the start: all texted within the first minute
        assertThat(arrivals.stream().filter(a -> a.offsetNanos() < 60 * SECOND).map(a -> a.contactId().split("-")[1]).distinct())
                .hasSize(1000);
    }

    @Test
    void theSameSeedGivesTheSameArrivalsAndAnotherSeedOthers() {
        List<Persona> personas = Personas.all();
        assertThat(LoadShapes.conversations("c-", 50, 15, 60, 120, personas, 1))
                .isEqualTo(LoadShapes.conversations("c-", 50, 15, 60, 120, personas, 1))
                .isNotEqualTo(LoadShapes.conversations("c-", 50, 15, 60, 120, personas, 2));
    }

    @Test
    void aScriptedRateSendsExactlyRateTimesSecondsEvenlySpacedAndEachLeadStaysInItsLocation() {
        List<Arrival> arrivals = LoadShapes.scripted("s-", 100, 30, List.of("one", "two", "three", "four"));

        assertThat(arrivals).hasSize(3000);
        assertThat(arrivals.get(1).offsetNanos() - arrivals.get(0).offsetNanos()).isEqualTo(SECOND / 100);
        Map<String, Set<String>> locations = new HashMap<>();
        Map<String, List<String>> texts = new HashMap<>();
        for (Arrival a : arrivals) {
            locations.computeIfAbsent(a.contactId(), k -> new HashSet<>()).add(a.locationId());
            texts.computeIfAbsent(a.contactId(), k -> new ArrayList<>()).add(a.text());
        }
        assertThat(locations.values()).allSatisfy(l -> assertThat(l).hasSize(1));
        assertThat(texts.get("s-0")).containsExactly("one", "two", "three", "four");
    }

    @Test
    void windowKeepsTheArrivalsInRangeRetimedFromItsStart() {
        List<Arrival> arrivals = List.of(new Arrival(SECOND, "l", "a", "x"), new Arrival(3 * SECOND, "l", "b", "y"),
                new Arrival(5 * SECOND, "l", "c", "z"));

        assertThat(LoadShapes.window(arrivals, 2 * SECOND, 5 * SECOND)).containsExactly(new Arrival(SECOND, "l", "b", "y"));
    }

    @Test
    void optionsRefuseTwoShapesAtOnceAndABackwardsGap() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--compare", "3", "--steps", "50,100"}))
                .hasMessageContaining("pick one");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--conversations", "1000", "--gap", "60-15"}))
                .hasMessageContaining("--gap");
        BenchmarkOptions conversations = BenchmarkOptions.parse(new String[] {"--conversations", "1000"});
        assertThat(conversations.warmupSeconds()).isEqualTo(60); // every lead has texted once before the clock starts
        assertThat(BenchmarkOptions.parse(new String[] {"--rate", "100"}).warmupSeconds()).isEqualTo(20);
    }
}
