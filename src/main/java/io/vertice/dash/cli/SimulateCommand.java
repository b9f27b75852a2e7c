package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.simulator.SimulatorConfig;
import io.vertice.dash.simulator.SimulatorServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dash simulate}: serve the simulated cockpit's metrics until stopped. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run the embedded simulator: arousal, ESGT ignitions and the TIG fabric of the consciousness "
                + "cockpit, exposed on /metrics (Prometheus text format or OpenMetrics, as the scraper asks) with exactly "
                + "the metric catalogue the dashboards use. Deterministic for a seed. Runs until Ctrl-C or SIGTERM.",
        footer = {"", "Example:", "  dash simulate --port 9464 --seed 7 --speed 60 --environments prod,staging,dev"})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "9464",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "" + SimulatorConfig.DEFAULT_SEED,
            description = "Seed; the same seed gives the same values tick for tick (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "1",
            description = "Ticks per tick of wall time: 60 runs a simulated minute per second; at most "
                    + SimulatorConfig.MAX_SPEED + " (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--tick",
            paramLabel = "DURATION",
            defaultValue = "1s",
            converter = DurationOption.class,
            description = "Simulated time per step, e.g. 1s, 500ms, 1m (default: ${DEFAULT-VALUE}).")
    Duration tick;

    @Option(
            names = "--environments",
            paramLabel = "ENV",
            defaultValue = "prod,staging",
            split = ",",
            description = "Comma-separated environment label values (default: ${DEFAULT-VALUE}).")
    List<String> environments;

    @Option(
            names = "--services",
            paramLabel = "N",
            defaultValue = "1",
            description = "Services per environment: maximus-core, maximus-core-2, ...; at most "
                    + SimulatorConfig.MAX_SERVICES + " (default: ${DEFAULT-VALUE}).")
    int services;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config;
        try {
            config = new SimulatorConfig(seed, tick, speed, environments, services);
        } catch (IllegalArgumentException e) {
            throw DashException.input(e.getMessage() + "; see dash simulate --help");
        }
        if (port < 0 || port > 65535) {
            throw DashException.input("--port " + port + " is not a port number (0..65535)");
        }
        SimulatorServer server = SimulatorServer.start(config, host, port);
        Thread hook = new Thread(server::close, "dash-simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "dash simulate: serving %s on %s (seed %d, tick %s, speed %sx); Ctrl-C stops it%n",
                targets(config),
                server.metricsUrl(),
                config.seed(),
                io.vertice.dash.promql.PromDuration.of(config.tick()),
                trim(config.speed()));
        out.flush();
        try {
            server.awaitClose();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what closed the server
            }
        }
        return ExitCodes.OK;
    }

    private static String targets(SimulatorConfig config) {
        int services = config.services();
        return String.join(",", config.environments()) + " of "
                + (services == 1
                        ? SimulatorConfig.SERVICE
                        : services + " services (" + SimulatorConfig.SERVICE + ", ...)");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
