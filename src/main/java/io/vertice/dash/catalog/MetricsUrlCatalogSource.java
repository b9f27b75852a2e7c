package io.vertice.dash.catalog;

import io.vertice.dash.DashException;
import io.vertice.dash.http.HttpAnswer;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/** {@code --metrics-url URL}: scrapes any exporter's {@code /metrics} (text format 0.0.4 or OpenMetrics). */
public final class MetricsUrlCatalogSource implements CatalogSource {
    /** Both text formats, OpenMetrics preferred, as Prometheus asks for them. */
    static final String ACCEPT =
            "application/openmetrics-text;version=1.0.0;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final String url;
    private final HttpFetch fetch;

    public MetricsUrlCatalogSource(String url) {
        this(url, line -> {});
    }

    /** @param log one line per request and retry (for --verbose) */
    public MetricsUrlCatalogSource(String url, Consumer<String> log) {
        this(Connection.to(url, "--metrics-url"), log);
    }

    /** @param log one line per request and retry (for --verbose) */
    public MetricsUrlCatalogSource(Connection connection, Consumer<String> log) {
        this.url = connection.describe();
        this.fetch = new HttpFetch(connection, log);
    }

    @Override
    public MetricCatalog load() {
        HttpAnswer response;
        try (fetch) {
            response = fetch.get(
                    HttpUrl.get(url),
                    ACCEPT,
                    "the exporter at " + url,
                    "GET",
                    "check --metrics-url and that the exporter is up.");
        }
        if (response.code() != 200) {
            throw DashException.remote("The exporter at " + url + " answered HTTP " + response.code()
                    + " instead of metrics"
                    + (response.code() == 401 || response.code() == 403
                            ? " (credentials missing or refused); put user and password in the URL (http://user:password@host/metrics)."
                            : "; check --metrics-url (it usually ends in /metrics)."));
        }
        Exposition exposition;
        try {
            exposition = Exposition.parse(response.body());
        } catch (Exposition.ParseException e) {
            throw DashException.remote(
                    "The answer of " + url + " is not a Prometheus exposition (" + e.getMessage()
                            + "); check --metrics-url (it usually ends in /metrics).",
                    e);
        }
        if (exposition.families().isEmpty()) {
            throw DashException.remote("The exporter at " + url
                    + " answered no metrics; check --metrics-url (it usually ends in /metrics).");
        }
        return PrometheusAddedSeries.asScraped(exposition.toCatalog());
    }

    @Override
    public String describe() {
        return url;
    }
}
