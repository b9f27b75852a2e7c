package io.vertice.dash.simulator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scrape benchmark driver, run by {@code scripts/bench/simulator.sh} against a running {@code dash simulate}.
 * <pre>
 * latency URL N    N sequential scrapes on one keep-alive connection (after 2,000 warm-up, so the JIT has compiled the path): median, p99, series
 * load URL S SECS  S scrapers at 1 Hz each for SECS seconds; prints scrape count, errors, median and p99
 * </pre>
 * Scrapes send the Accept header Prometheus 2.x sends, so the simulator answers OpenMetrics as it would to Prometheus.
 */
public final class ScrapeBench {
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
            + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private ScrapeBench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> latency(
                    args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : PROMETHEUS_ACCEPT);
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("usage: latency URL N [ACCEPT] | load URL SCRAPERS SECONDS");
        }
    }

    private static HttpRequest request(String url, String accept) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static void latency(String url, int n, String accept) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = request(url, accept);
        String body = "";
        for (int i = 0; i < 2000; i++) {
            body = client.send(req, HttpResponse.BodyHandlers.ofString()).body();
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
            body = r.body();
        }
        long series =
                body.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
        System.out.printf(
                "series=%d bytes=%d scrapes=%d median_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
                series, body.length(), n, pct(nanos, 50), pct(nanos, 99), pct(nanos, 100));
    }

    // the scrapers run until the pool is shut down and count their own errors: the futures have nothing to add
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void load(String url, int scrapers, int seconds) throws Exception {
        HttpRequest req = request(url, PROMETHEUS_ACCEPT);
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(scrapers);
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < scrapers; i++) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // one connection each
            pool.scheduleAtFixedRate(
                    () -> {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                            latencies.add(System.nanoTime() - t);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    },
                    i * 1000L / scrapers,
                    1000,
                    TimeUnit.MILLISECONDS);
        }
        Thread.sleep(seconds * 1000L);
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        System.out.printf(
                "scrapes=%d errors=%d median_ms=%.3f p99_ms=%.3f%n",
                nanos.length, errors.get(), pct(nanos, 50), pct(nanos, 99));
    }

    private static double pct(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
