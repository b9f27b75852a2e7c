package io.vertice.dash.simulator;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import io.vertice.dash.simulator.SimulatorConfig.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The standard process and JVM metrics of the client's instrumentation, once per simulated target.
 * <p>
 * Why: in production every environment and service is its own process, and the dashboards filter process
 * CPU and memory on {@code environment} and {@code service_name} like every other query. The simulator plays
 * all targets in one JVM, so it exposes that JVM's figures once per target, labelled like the rest
 * <p>
 * Collected at most once a second and then shared: twenty scrapers a second cost one collection (reading
 * {@code /proc} and the JVM's management beans), and a figure is never more than a second old.
 */
final class ProcessMetricsPerTarget implements MultiCollector {
    private static final long MAX_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final PrometheusRegistry jvm = new PrometheusRegistry();
    private final List<Labels> targets = new ArrayList<>();
    private MetricSnapshots cached;
    private long cachedAt;

    ProcessMetricsPerTarget(List<Target> targets) {
        JvmMetrics.builder().register(jvm);
        for (Target t : targets) {
            this.targets.add(Labels.of(
                    SimulatorMetrics.ENVIRONMENT, t.environment(), SimulatorMetrics.SERVICE_NAME, t.service()));
        }
    }

    @Override
    public synchronized MetricSnapshots collect() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt >= MAX_AGE_NANOS) {
            cached = collectNow();
            cachedAt = now;
        }
        return cached;
    }

    private MetricSnapshots collectNow() {
        MetricSnapshots source = jvm.scrape();
        List<MetricSnapshot> out = new ArrayList<>(source.size());
        for (MetricSnapshot s : source) {
            out.add(perTarget(s));
        }
        return new MetricSnapshots(out);
    }

    private MetricSnapshot perTarget(MetricSnapshot s) {
        if (s instanceof CounterSnapshot c) {
            return new CounterSnapshot(
                    c.getMetadata(),
                    copy(
                            c.getDataPoints(),
                            (p, l) -> new CounterDataPointSnapshot(p.getValue(), l, p.getExemplar(), created(p))));
        }
        if (s instanceof GaugeSnapshot g) {
            return new GaugeSnapshot(
                    g.getMetadata(),
                    copy(g.getDataPoints(), (p, l) -> new GaugeDataPointSnapshot(p.getValue(), l, p.getExemplar())));
        }
        if (s instanceof HistogramSnapshot h) {
            return new HistogramSnapshot(
                    h.isGaugeHistogram(),
                    h.getMetadata(),
                    copy(
                            h.getDataPoints(),
                            (p, l) -> new HistogramDataPointSnapshot(
                                    p.getClassicBuckets(),
                                    p.getNativeSchema(),
                                    p.getNativeZeroCount(),
                                    p.getNativeZeroThreshold(),
                                    p.getNativeBucketsForPositiveValues(),
                                    p.getNativeBucketsForNegativeValues(),
                                    p.getSum(),
                                    l,
                                    p.getExemplars(),
                                    created(p))));
        }
        if (s instanceof SummarySnapshot sum) {
            return new SummarySnapshot(
                    sum.getMetadata(),
                    copy(
                            sum.getDataPoints(),
                            (p, l) -> new SummaryDataPointSnapshot(
                                    p.getCount(), p.getSum(), p.getQuantiles(), l, p.getExemplars(), created(p))));
        }
        if (s instanceof InfoSnapshot i) {
            return new InfoSnapshot(i.getMetadata(), copy(i.getDataPoints(), (p, l) -> new InfoDataPointSnapshot(l)));
        }
        if (s instanceof StateSetSnapshot ss) {
            return new StateSetSnapshot(ss.getMetadata(), copy(ss.getDataPoints(), (p, l) -> {
                String[] names = new String[p.size()];
                boolean[] values = new boolean[p.size()];
                for (int i = 0; i < p.size(); i++) {
                    names[i] = p.getName(i);
                    values[i] = p.isTrue(i);
                }
                return new StateSetDataPointSnapshot(names, values, l);
            }));
        }
        if (s instanceof UnknownSnapshot u) {
            return new UnknownSnapshot(
                    u.getMetadata(),
                    copy(u.getDataPoints(), (p, l) -> new UnknownDataPointSnapshot(p.getValue(), l, p.getExemplar())));
        }
        throw new IllegalStateException("unexpected metric type " + s.getClass().getSimpleName() + " for "
                + s.getMetadata().getName());
    }

    private <P extends DataPointSnapshot> List<P> copy(List<P> points, BiFunction<P, Labels, P> relabel) {
        List<P> out = new ArrayList<>(points.size() * targets.size());
        for (Labels target : targets) {
            for (P p : points) {
                out.add(relabel.apply(p, p.getLabels().merge(target)));
            }
        }
        return out;
    }

    private static long created(DataPointSnapshot p) {
        return p.hasCreatedTimestamp() ? p.getCreatedTimestampMillis() : 0L;
    }
}
