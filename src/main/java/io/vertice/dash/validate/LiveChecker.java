package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.catalog.PrometheusApi;
import io.vertice.dash.promql.Binary;
import io.vertice.dash.promql.Expr;
import io.vertice.dash.promql.Exprs;
import io.vertice.dash.promql.GrafanaVariables;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.PromDuration;
import io.vertice.dash.promql.PromQL;
import io.vertice.dash.promql.VariableUse;
import io.vertice.dash.promql.PromqlException;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.rules.LiveRules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dash validate --live}: runs every panel query against a Prometheus-compatible API as Grafana would
 * (variables set to their current or first values, {@code $__rate_interval} to four scrape intervals) and
 * explains the ones that return nothing: metric never seen, label missing, or label value missing, found by
 * probing each selector with its matchers one at a time.
 */
public final class LiveChecker {
    private static final Duration DEFAULT_SCRAPE = Duration.ofSeconds(15);
    private static final Pattern GLOBAL_SCRAPE = Pattern.compile("(?m)^global:\\s*\\n(?:[ \\t]+.*\\n)*?[ \\t]+scrape_interval:\\s*(\\S+)");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\(\\s*(?:(.*),\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$", Pattern.DOTALL);

    private final PrometheusApi api;
    private final Duration scrapeInterval;
    private final Map<String, JsonNode> cache = new HashMap<>();

    public LiveChecker(PrometheusApi api) {
        this.api = api;
        this.scrapeInterval = scrapeInterval(api);
    }

    /** The global scrape interval from {@code /api/v1/status/config}, else 15 s (Thanos and others do not serve it). */
    static Duration scrapeInterval(PrometheusApi api) {
        try {
            Matcher m = GLOBAL_SCRAPE.matcher(api.config());
            if (m.find()) {
                Duration d = PromDuration.tryParse(m.group(1)).map(PromDuration::toDuration).orElse(null);
                if (d != null && !d.isZero()) {
                    return d;
                }
            }
        } catch (PrometheusApi.ApiError | io.vertice.dash.DashException e) {
            // not every Prometheus-compatible server exposes its configuration
        }
        return DEFAULT_SCRAPE;
    }

    public Duration scrapeInterval() {
        return scrapeInterval;
    }

    /** Runs the panel queries of every dashboard and returns findings for the empty ones. */
    public List<Finding> check(List<DashboardInput> inputs) {
        List<Finding> out = new ArrayList<>();
        for (DashboardInput input : inputs) {
            DashboardView d = DashboardView.of(input);
            Findings findings = new Findings(input.file(), d.title());
            Map<String, List<String>> values = variableValues(d);
            for (Query q : d.queries()) {
                if (q.hidden() || q.parsed() == null || q.panel() == null) {
                    continue; // annotations are event filters: empty is their normal state
                }
                Map<String, List<String>> own = values;
                String repeat = q.panel().repeat();
                if (repeat != null && values.containsKey(repeat) && values.get(repeat).size() > 1) {
                    own = new LinkedHashMap<>(values); // Grafana repeats the panel: each copy gets one value
                    own.put(repeat, List.of(values.get(repeat).get(0)));
                }
                check(q, substitute(q.expr(), d, own, repeat), findings);
            }
            out.addAll(findings.list());
        }
        return out;
    }

    private void check(Query q, String promql, Findings out) {
        JsonNode data;
        try {
            data = run(promql);
        } catch (PrometheusApi.ApiError e) {
            out.query(LiveRules.QUERY_ERROR, q, "Prometheus rejected the query with variables filled in (" + promql + "): " + e.getMessage() + ".");
            return;
        }
        if (!isEmpty(data)) {
            return;
        }
        Expr expr;
        try {
            expr = PromQL.parse(promql);
        } catch (PromqlException e) {
            return; // Prometheus accepted it; nothing better to say
        }
        List<String> causes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (VectorSelector s : QueryFacts.selectors(expr)) {
            String text = render(s.metricName(), s.matchers());
            if (seen.add(text)) {
                String cause = diagnose(s);
                if (cause != null) {
                    causes.add(cause);
                }
            }
        }
        if (!causes.isEmpty()) {
            out.query(LiveRules.NO_DATA, q, "returns no data: " + String.join("; ", causes) + ".");
        } else if (!(Exprs.unwrapParens(expr) instanceof Binary b && b.op().isComparison() && !b.returnBool())) {
            out.query(LiveRules.EMPTY_RESULT, q, "returns no data although every selector matches series; "
                    + "a join, filter or window shorter than two scrapes (" + PromDuration.of(scrapeInterval) + ") removes everything.");
        }
    }

    /** Why a selector matches nothing, or null when it matches series. */
    private String diagnose(VectorSelector s) {
        String name = s.metricName();
        List<LabelMatcher> matchers = s.matchers().stream().filter(m -> !m.name().equals(LabelMatcher.METRIC_NAME)).toList();
        if (name == null || !isEmpty(run("count(" + render(name, matchers) + ")"))) {
            return null;
        }
        if (isEmpty(run("count(" + render(name, List.of()) + ")"))) {
            return "metric " + name + " has no series (never seen, or not scraped any more)";
        }
        List<String> causes = new ArrayList<>();
        for (LabelMatcher m : matchers) {
            if (!isEmpty(run("count(" + render(name, List.of(m)) + ")"))) {
                continue;
            }
            if (isEmpty(run("count(" + name + "{" + m.name() + "!=\"\"})"))) {
                causes.add("label " + m.name() + " is missing on " + name);
            } else {
                List<String> known = api.labelValues(m.name(), null, List.of(name));
                causes.add("label value missing: no series of " + name + " has " + m.name() + m.op().symbol() + quote(m.value())
                        + " (values seen: " + String.join(", ", known.subList(0, Math.min(10, known.size())))
                        + (known.size() > 10 ? ", ..." : "") + ")");
            }
        }
        if (causes.isEmpty()) {
            return "no series of " + name + " matches " + render(name, matchers) + " (each matcher matches alone, not all together)";
        }
        return String.join("; ", causes);
    }

    private JsonNode run(String promql) {
        return cache.computeIfAbsent(promql, api::query);
    }

    private static boolean isEmpty(JsonNode data) {
        JsonNode result = data.path("result");
        String type = data.path("resultType").asText();
        return (type.equals("vector") || type.equals("matrix")) && result.isArray() && result.isEmpty();
    }

    static String render(String name, List<LabelMatcher> matchers) {
        StringBuilder b = new StringBuilder(name == null ? "" : name).append('{');
        for (int i = 0; i < matchers.size(); i++) {
            LabelMatcher m = matchers.get(i);
            b.append(i == 0 ? "" : ", ").append(m.name()).append(m.op().symbol()).append(quote(m.value()));
        }
        return b.append('}').toString();
    }

    private static String quote(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Each variable's values as Grafana would use them: current selection, else first option, else Prometheus's. */
    Map<String, List<String>> variableValues(DashboardView d) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (VariableView v : d.variables().values()) {
            if (v.type().equals("datasource") || v.type().equals("adhoc")) {
                continue;
            }
            List<String> chosen = v.effectiveValues();
            boolean all = chosen.contains("$__all") || chosen.contains("All");
            if (chosen.isEmpty() || all) {
                List<String> options = v.type().equals("query") ? queryOptions(substitute(v.query(), d, values))
                        : v.options().stream().filter(o -> !o.equals("$__all")).toList();
                if (options.isEmpty() && v.type().equals("custom")) {
                    options = java.util.Arrays.stream(v.query().split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
                }
                chosen = all ? options : options.isEmpty() ? List.of() : List.of(options.get(0));
                String allValue = v.json().path("allValue").asText("");
                if (all && !allValue.isEmpty()) {
                    chosen = List.of(allValue);
                }
            }
            values.put(v.name(), chosen);
        }
        return values;
    }

    private List<String> queryOptions(String query) {
        Matcher m = LABEL_VALUES.matcher(query);
        if (!m.matches()) {
            return List.of();
        }
        List<String> match = m.group(1) == null || m.group(1).isBlank() ? null : List.of(m.group(1).trim());
        try {
            return api.labelValues(m.group(2), null, match);
        } catch (PrometheusApi.ApiError e) {
            return List.of();
        }
    }

    /** The text Grafana would send: variables and macros replaced (multi values as a regex alternation). */
    String substitute(String text, DashboardView d, Map<String, List<String>> values) {
        return substitute(text, d, values, null);
    }

    /** As above; {@code single} names a variable that holds one plain value (the panel repeats over it). */
    String substitute(String text, DashboardView d, Map<String, List<String>> values, String single) {
        StringBuilder b = new StringBuilder();
        int last = 0;
        for (VariableUse r : GrafanaVariables.find(text)) {
            b.append(text, last, r.start());
            b.append(r.name().equals(single) && values.containsKey(single) && !values.get(single).isEmpty()
                    ? values.get(single).get(0) : value(r, d, values));
            last = r.end();
        }
        return b.append(text.substring(last)).toString();
    }

    private String value(VariableUse r, DashboardView d, Map<String, List<String>> values) {
        long scrape = scrapeInterval.toSeconds();
        long range = dashboardRange(d).toSeconds();
        switch (r.name()) {
            case "__rate_interval" -> {
                return (4 * scrape) + "s";
            }
            case "__interval" -> {
                return scrape + "s";
            }
            case "__interval_ms" -> {
                return String.valueOf(scrape * 1000);
            }
            case "__rate_interval_ms" -> {
                return String.valueOf(4 * scrape * 1000);
            }
            case "__range" -> {
                return range + "s";
            }
            case "__range_s" -> {
                return String.valueOf(range);
            }
            case "__range_ms" -> {
                return String.valueOf(range * 1000);
            }
            case "__from" -> {
                return String.valueOf(Instant.now().minusSeconds(range).toEpochMilli());
            }
            case "__to" -> {
                return String.valueOf(Instant.now().toEpochMilli());
            }
            default -> {
                List<String> v = values.get(r.name());
                if (v == null || v.isEmpty()) {
                    return "";
                }
                VariableView var = d.variables().get(r.name());
                boolean regex = "regex".equals(r.format()) || v.size() > 1 || (var != null && (var.multi() || var.includeAll()));
                if (!regex) {
                    return v.get(0);
                }
                if (v.size() == 1 && var != null && v.get(0).equals(var.json().path("allValue").asText(null))) {
                    return v.get(0); // a custom all value is a regex already
                }
                List<String> escaped = v.stream().map(LiveChecker::regexEscape).toList();
                return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
            }
        }
    }

    /** Grafana's escaping of values inserted into Prometheus regexes. */
    private static String regexEscape(String v) {
        return v.replaceAll("([\\\\^$*+?.()|{}\\[\\]])", "\\\\\\\\$1");
    }

    private static Duration dashboardRange(DashboardView d) {
        String from = d.json().path("time").path("from").asText("now-1h");
        if (from.startsWith("now-")) {
            Duration parsed = PromDuration.tryParse(from.substring(4)).map(PromDuration::toDuration).orElse(null);
            if (parsed != null) {
                return parsed;
            }
        }
        return Duration.ofHours(1);
    }
}
