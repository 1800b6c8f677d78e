package dev.guichet.demo;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the demo load stands, and the {@code demo} entry of {@code /health/readiness}: LOADING (503) with
 * {@code state: loading} and the progress ({@code loaded}, {@code total}, {@code percent}) while
 * a load runs, so that a load balancer waits for a helpdesk with all its tickets; UP otherwise
 * (also when no demo is loaded, or after a failed load, which the log reports).
 */
@Singleton
@Readiness
public class DemoLoadState extends AbstractHealthIndicator<Map<String, Object>> {

    /**
     * The readiness status while the demo loads: not operational, so {@code /health/readiness} answers
     * 503 (mapped in {@code endpoints.health.status.http-mapping}), and named, so that even an anonymous
     * probe, which sees the status only, reads {@code "status":"LOADING"}.
     */
    static final HealthStatus LOADING = new HealthStatus("LOADING", "the demo helpdesk is being loaded", false, null);

    private volatile String state = "idle";
    private volatile int loaded;
    private volatile int total;

    /** A load begins (also called by the start-up code before it hands the load to a thread). */
    public void started() {
        state = "loading";
        loaded = 0;
        total = 0;
    }

    void progress(int loaded, int total) {
        this.loaded = loaded;
        this.total = total;
    }

    void finished() {
        state = "loaded";
    }

    void failed(RuntimeException error) {
        state = "failed: " + error.getMessage();
    }

    /** @return whether a load is running */
    public boolean loading() {
        return "loading".equals(state);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state);
        if (loading()) {
            details.put("loaded", loaded);
            details.put("total", total);
            details.put("percent", total == 0 ? 0 : Math.round(100.0 * loaded / total));
        }
        healthStatus = loading() ? LOADING : HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "demo";
    }
}
