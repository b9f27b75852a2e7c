package io.vertice.dash.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertice.dash.catalog.Exposition;
import io.vertice.dash.catalog.Exposition.Sample;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Scrapes racing ticks never see half a tick. */
class SimulationConcurrencyTest {

    @Test
    void everyScrapeShowsOneWholeTick() throws InterruptedException {
        Simulation simulation = new Simulation(SimulatorConfig.defaults().withServices(5));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread ticker = new Thread(() -> {
            while (running.get()) {
                simulation.step();
            }
        });
        ticker.start();
        try {
            long firstTick = simulation.ticks();
            for (int i = 0; i < 100; i++) {
                Exposition e = Exposition.parse(simulation.exposition(n -> n.startsWith("maximus_arousal")));
                List<Sample> set = e.family("maximus_arousal_state").samples().stream()
                        .filter(s -> s.value() == 1)
                        .toList();
                assertThat(set).hasSize(10); // one class per target, 2 environments x 5 services
                List<Sample> need =
                        e.family("maximus_arousal_component_need_ratio").samples();
                List<Sample> stress =
                        e.family("maximus_arousal_component_stress_ratio").samples();
                for (int t = 0; t < need.size(); t++) {
                    assertThat(need.get(t).value() + stress.get(t).value()).isCloseTo(1.0, within(1e-12));
                }
                // Time in class is the same whole number of ticks for every target.
                double perTarget = e.family("maximus_arousal_state_seconds").samples().stream()
                                .mapToDouble(Sample::value)
                                .sum()
                        / 10;
                assertThat(perTarget).isEqualTo(Math.rint(perTarget));
            }
            assertThat(simulation.ticks()).isGreaterThan(firstTick);
        } finally {
            running.set(false);
            ticker.join();
        }
    }
}
