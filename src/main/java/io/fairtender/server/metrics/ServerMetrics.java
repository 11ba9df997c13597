package io.fairtender.server.metrics;

import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
import io.fairtender.server.Caller;
import io.fairtender.server.CheckObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus metrics (Micrometer): checks by outcome, check latency (a histogram with fixed buckets),
 * pages and OCR pages read, checks running and queued, requests refused by HTTP status, audit-log writes, and the
 * usual JVM and process gauges. Listens to every check as a {@link CheckObserver}.
 */
public final class ServerMetrics implements CheckObserver {
  private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DistributionSummary pages;
  private final Counter ocrPages;

  public ServerMetrics() {
    pages = DistributionSummary.builder("fairtender.check.pages").description("Pages read per checked document")
        .serviceLevelObjectives(1, 5, 20, 100, 500).register(registry);
    ocrPages = Counter.builder("fairtender.ocr.pages").description("Pages read by OCR").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Gauges of the front door's admission: checks running and waiting for a slot. */
  public void admission(IntSupplier active, IntSupplier queued) {
    Gauge.builder("fairtender.checks.active", active::getAsInt).description("Checks running now").register(registry);
    Gauge.builder("fairtender.checks.queued", queued::getAsInt).description("Check requests waiting for a slot")
        .register(registry);
  }

  /** Counters and a gauge of an audit log. */
  public <T> void audit(T log, ToDoubleFunction<T> written, ToDoubleFunction<T> dropped, ToDoubleFunction<T> pending) {
    FunctionCounter.builder("fairtender.audit.written", log, written).description("Audit rows stored").register(registry);
    FunctionCounter.builder("fairtender.audit.dropped", log, dropped).description("Audit rows lost (queue full)")
        .register(registry);
    Gauge.builder("fairtender.audit.pending", log, pending).description("Audit rows waiting to be stored").register(registry);
  }

  /** An answer sent with {@code status}; 4xx and 5xx count as refused requests, by status. */
  public void responded(int status) {
    if (status >= 400) {
      Counter.builder("fairtender.requests.rejected").description("Requests answered with an error, by HTTP status")
          .tag("status", Integer.toString(status)).register(registry).increment();
    }
  }

  @Override
  public void checked(Caller caller, DocumentInput input, CheckOptions options, Report report, ErrorCode refused, long nanos) {
    String outcome = report != null ? "ok" : refused == null ? "INTERNAL" : refused.name();
    Counter.builder("fairtender.checks").description("Checks by outcome (ok or the error code)").tag("outcome", outcome)
        .register(registry).increment();
    Timer.builder("fairtender.check.duration").description("Time to check a document").serviceLevelObjectives(BUCKETS)
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    if (report != null) {
      pages.record(report.document().pages());
      ocrPages.increment(report.document().ocrPages().size());
    }
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
