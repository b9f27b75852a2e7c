package io.vertice.dash.simulator;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Predicate;

/**
 * A registry whose scrapes never see half a tick: a scrape holds the read lock, a tick the write lock.
 * Without it a scrape racing a tick could show two arousal classes set, or none, or need + stress ≠ 1.
 */
final class ConsistentRegistry extends PrometheusRegistry {
    private final ReadWriteLock lock;

    ConsistentRegistry(ReadWriteLock lock) {
        this.lock = lock;
    }

    @Override
    public MetricSnapshots scrape() {
        lock.readLock().lock();
        try {
            return super.scrape();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public MetricSnapshots scrape(PrometheusScrapeRequest request) {
        lock.readLock().lock();
        try {
            return super.scrape(request);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public MetricSnapshots scrape(Predicate<String> includedNames) {
        lock.readLock().lock();
        try {
            return super.scrape(includedNames);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public MetricSnapshots scrape(Predicate<String> includedNames, PrometheusScrapeRequest request) {
        lock.readLock().lock();
        try {
            return super.scrape(includedNames, request);
        } finally {
            lock.readLock().unlock();
        }
    }
}
