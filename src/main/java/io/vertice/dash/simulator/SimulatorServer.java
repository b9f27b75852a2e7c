package io.vertice.dash.simulator;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.vertice.dash.DashException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator as an exporter: a {@link Simulation} stepped on a wall-clock schedule and its registry served
 * on {@code /metrics} by the Prometheus client's HTTP server (text format or OpenMetrics, as the scraper's
 * Accept header asks). {@link #start} is the entry point; {@link #close()} stops the ticker and the server.
 */
public final class SimulatorServer implements AutoCloseable {
    /**
     * The ticker wakes twice per tick of wall time, within these bounds, and runs every tick that fell due
     * since its last wake-up, so any speed works and a late wake-up never loses a tick.
     */
    private static final long MIN_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final long MAX_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** A ticker that fell far behind (a suspended laptop) skips ahead rather than replaying hours at once. */
    private static final long MAX_CATCH_UP_TICKS = 10_000;

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise; with keep-alive scrapers the
        // last small write of each response then waits for the client's delayed ACK (~40 ms per scrape).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Simulation simulation;
    private final HTTPServer server;
    private final ScheduledExecutorService ticker;
    private final String host;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private long ticksDue;

    // the ticking runs until close() shuts the ticker down, and runDueTicks catches its own failures: its future
    // has nothing to report
    @SuppressWarnings("FutureReturnValueIgnored")
    private SimulatorServer(Simulation simulation, HTTPServer server, String host) {
        this.simulation = simulation;
        this.server = server;
        this.host = host;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dash-simulator-ticker");
            t.setDaemon(true);
            return t;
        });
        SimulatorConfig config = simulation.config();
        long period = (long) (config.tick().toNanos() / config.speed() / 2);
        period = Math.max(MIN_WAKE_NANOS, Math.min(MAX_WAKE_NANOS, period));
        ticker.scheduleAtFixedRate(this::runDueTicks, period, period, TimeUnit.NANOSECONDS);
    }

    /**
     * Starts simulating and serving on {@code host:port} (port 0 picks a free port).
     *
     * @throws DashException exit 2 when the port is in use or the host is not a local address
     */
    public static SimulatorServer start(SimulatorConfig config, String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw DashException.input(
                    "host " + host + " is not a known address; pass --host 127.0.0.1 or another local address", e);
        }
        Simulation simulation = new Simulation(config);
        try {
            HTTPServer server = HTTPServer.builder()
                    .inetAddress(address)
                    .port(port)
                    .registry(simulation.registry())
                    .buildAndStart();
            return new SimulatorServer(simulation, server, host);
        } catch (BindException e) {
            throw DashException.input(bindFailure(host, port, e), e);
        } catch (IOException e) {
            throw DashException.input("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static String bindFailure(String host, int port, BindException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("in use")) {
            return "port " + port + " on " + host + " is already in use; stop the other process or pass --port";
        }
        return "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                + "); pass --host with an address of this machine, or another --port";
    }

    private void runDueTicks() {
        try {
            SimulatorConfig config = simulation.config();
            double elapsedTicks = (System.nanoTime() - startNanos)
                    * config.speed()
                    / config.tick().toNanos();
            long due = (long) Math.floor(elapsedTicks);
            long behind = due - ticksDue;
            if (behind > MAX_CATCH_UP_TICKS) {
                ticksDue = due - MAX_CATCH_UP_TICKS;
            }
            while (ticksDue < due) {
                simulation.step();
                ticksDue++;
            }
        } catch (RuntimeException e) {
            // A failing tick must not kill the schedule silently; report it and keep serving the last state.
            System.err.println("dash simulate: tick failed: " + e);
        }
    }

    public Simulation simulation() {
        return simulation;
    }

    /** The port it listens on (useful after asking for port 0). */
    public int port() {
        return server.getPort();
    }

    public String host() {
        return host;
    }

    /** {@code http://host:port/metrics}. */
    public String metricsUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/metrics";
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the ticker and the server; idempotent, returns within a second. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        ticker.shutdownNow();
        server.close();
        try {
            ticker.awaitTermination(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }
}
