package io.vertice.dash.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The same seed gives the same values tick for tick; the process and JVM figures are the machine's own. */
class SimulationDeterminismTest {
    private static final Predicate<String> SIMULATED = SimulationDeterminismTest::isSimulated;

    private static boolean isSimulated(String name) {
        return name.startsWith("maximus_") || name.startsWith("consciousness_");
    }

    @Test
    void sameSeedGivesTheSameExpositionTickForTick() {
        Simulation a = new Simulation(SimulatorConfig.defaults().withSeed(7));
        Simulation b = new Simulation(SimulatorConfig.defaults().withSeed(7));
        assertThat(a.exposition(SIMULATED)).isEqualTo(b.exposition(SIMULATED));
        for (int i = 0; i < 20; i++) {
            a.step(100);
            b.step(100);
            assertThat(a.exposition(SIMULATED)).as("after %d ticks", a.ticks()).isEqualTo(b.exposition(SIMULATED));
        }
    }

    @Test
    void differentSeedsDiffer() {
        Simulation a = new Simulation(SimulatorConfig.defaults().withSeed(7));
        Simulation b = new Simulation(SimulatorConfig.defaults().withSeed(8));
        a.step(100);
        b.step(100);
        assertThat(a.exposition(SIMULATED)).isNotEqualTo(b.exposition(SIMULATED));
        assertThat(a.arousalLevel("prod", "maximus-core")).isNotEqualTo(b.arousalLevel("prod", "maximus-core"));
    }

    @Test
    void environmentsOfOneRunFollowTheirOwnCourse() {
        Simulation s = new Simulation(SimulatorConfig.defaults());
        s.step(100);
        assertThat(s.arousalLevel("prod", "maximus-core")).isNotEqualTo(s.arousalLevel("staging", "maximus-core"));
    }

    @Test
    void aTargetsCourseDoesNotDependOnTheOtherTargets() {
        // Adding environments or services must not change what prod shows for the same seed.
        Simulation two = new Simulation(SimulatorConfig.defaults());
        Simulation more = new Simulation(SimulatorConfig.defaults()
                .withServices(3)
                .withEnvironments(java.util.List.of("dev", "prod", "staging")));
        two.step(500);
        more.step(500);
        assertThat(more.arousalLevel("prod", "maximus-core")).isEqualTo(two.arousalLevel("prod", "maximus-core"));
    }

    @Test
    void aLongerTickMovesFurtherPerStep() {
        Simulation seconds = new Simulation(SimulatorConfig.defaults());
        Simulation minutes = new Simulation(SimulatorConfig.defaults().withTick(Duration.ofMinutes(1)));
        seconds.step(10);
        minutes.step(10);
        String secondsText = seconds.exposition(n -> n.equals("maximus_arousal_state_seconds"));
        String minutesText = minutes.exposition(n -> n.equals("maximus_arousal_state_seconds"));
        assertThat(total(secondsText)).isEqualTo(2 * 10.0);
        assertThat(total(minutesText)).isEqualTo(2 * 600.0);
    }

    private static double total(String exposition) {
        return io.vertice.dash.catalog.Exposition.parse(exposition).samples().stream()
                .mapToDouble(io.vertice.dash.catalog.Exposition.Sample::value)
                .sum();
    }
}
