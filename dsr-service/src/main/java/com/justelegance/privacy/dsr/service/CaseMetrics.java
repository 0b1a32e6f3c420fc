package com.justelegance.privacy.dsr.service;

import com.justelegance.privacy.dsr.repository.CaseRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus gauges of the work: {@code dsr_cases_open} and {@code dsr_cases_overdue} (open cases past their due
 * date), counted from the database every {@code dsr.metrics.refresh-every} rather than at each scrape, so a scrape
 * never waits on the database.
 */
@ApplicationScoped
public class CaseMetrics {

    private final CaseRepository cases;
    private final Cases lifecycle;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    public CaseMetrics(CaseRepository cases, Cases lifecycle, MeterRegistry registry) {
        this.cases = cases;
        this.lifecycle = lifecycle;
        Gauge.builder("dsr.cases.open", open, AtomicLong::get)
                .description("Data-subject requests not yet closed").register(registry);
        Gauge.builder("dsr.cases.overdue", overdue, AtomicLong::get)
                .description("Open data-subject requests past their due date").register(registry);
    }

    /** Counts the open and overdue cases now. */
    @Scheduled(every = "${dsr.metrics.refresh-every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        CaseRepository.OpenCounts counts = cases.openCounts(lifecycle.today());
        open.set(counts.open());
        overdue.set(counts.overdue());
    }
}
