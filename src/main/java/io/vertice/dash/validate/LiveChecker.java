package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.catalog.PrometheusApi;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.promql.Binary;
import io.vertice.dash.promql.BinaryOp;
import io.vertice.dash.promql.Expr;
import io.vertice.dash.promql.Exprs;
import io.vertice.dash.promql.GrafanaVariables;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.PromDuration;
import io.vertice.dash.promql.PromQL;
import io.vertice.dash.promql.PromqlException;
import io.vertice.dash.promql.VariableUse;
import io.vertice.dash.promql.VectorSelector;
import io.vertice.dash.validate.rules.LiveRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dash validate --live}: runs every panel query against a Prometheus-compatible API as Grafana would
 * (variables set to what Grafana would select, {@code $__rate_interval} to four scrape intervals) and explains
 * the ones that return nothing: metric never seen, label missing, or label value missing, found by probing each
 * selector with its matchers one at a time.
 *
 * <p>Queries run {@code parallel} at a time (each within the connection's per-request timeout); the report is
 * the same for any parallelism, because every query's findings are collected in document order.
 */
public final class LiveChecker {
    private static final Duration DEFAULT_SCRAPE = Duration.ofSeconds(15);
    private static final Pattern GLOBAL_SCRAPE =
            Pattern.compile("(?m)^global:\\s*\\n(?:[ \\t]+.*\\n)*?[ \\t]+scrape_interval:\\s*(\\S+)");
    private static final Pattern LABEL_VALUES = Pattern.compile(
            "^\\s*label_values\\(\\s*(?:(.*),\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$", Pattern.DOTALL);
    /** Static findings that an {@code or} branch without data explains, when another branch has data. */
    private static final Set<String> BRANCH_RULES = Set.of("unknown-metric", "unknown-label", "unknown-label-value");

    private final PrometheusApi api;
    private final Duration scrapeInterval;
    private final int parallel;
    private final Progress progress;
    private final Map<String, JsonNode> cache = new ConcurrentHashMap<>();

    public LiveChecker(PrometheusApi api) {
        this(api, 1, Progress.NONE);
    }

    /**
     * @param parallel queries in flight at once
     * @param progress where a long run reports how far it is (a terminal), or {@link Progress#NONE}
     */
    public LiveChecker(PrometheusApi api, int parallel, Progress progress) {
        this.api = api;
        this.parallel = parallel;
        this.progress = progress;
        this.scrapeInterval = scrapeInterval(api);
    }

    /** The global scrape interval from {@code /api/v1/status/config}, else 15 s (Thanos and others do not serve it). */
    static Duration scrapeInterval(PrometheusApi api) {
        try {
            Matcher m = GLOBAL_SCRAPE.matcher(api.config());
            if (m.find()) {
                Duration d = PromDuration.tryParse(m.group(1))
                        .map(PromDuration::toDuration)
                        .orElse(null);
                if (d != null && !d.isZero()) {
                    return d;
                }
            }
        } catch (PrometheusApi.Refused e) {
            throw e; // wrong credentials fail every later request too: say so once, now
        } catch (PrometheusApi.ApiError | io.vertice.dash.DashException e) {
            // not every Prometheus-compatible server exposes its configuration
        }
        return DEFAULT_SCRAPE;
    }

    public Duration scrapeInterval() {
        return scrapeInterval;
    }

    /** One query to run: where its findings go, and the text Grafana would send. */
    private record Job(
            DashboardView dashboard, Map<String, List<String>> values, QueryView query, String promql, String file) {}

    /**
     * Runs the panel queries of every dashboard and returns the static report with the live findings added;
     * a static finding on an {@code or} branch that has no data while the whole has data becomes info.
     */
    public ValidationReport check(List<DashboardDocument> inputs, ValidationReport report) {
        List<DashboardView> views = inputs.stream().map(DashboardView::of).toList();
        List<Map<String, List<String>>> values = inParallel(views, this::variableValues);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            DashboardView d = views.get(i);
            for (QueryView q : d.queries()) {
                if (q.hidden() || q.parsed() == null || q.panel() == null) {
                    continue; // annotations are event filters: empty is their normal state
                }
                Map<String, List<String>> own = values.get(i);
                String repeat = q.panel().repeat();
                if (repeat != null && own.containsKey(repeat) && own.get(repeat).size() > 1) {
                    own = new LinkedHashMap<>(own); // Grafana repeats the panel: each copy gets one value
                    own.put(repeat, List.of(values.get(i).get(repeat).get(0)));
                }
                jobs.add(new Job(
                        d,
                        own,
                        q,
                        substitute(q.expr(), d, own, repeat),
                        inputs.get(i).origin()));
            }
        }
        progress.start(jobs.size());
        List<List<Finding>> found;
        List<List<Finding>> branchNotes;
        try {
            found = inParallel(jobs, job -> {
                Findings out = new Findings(job.file(), job.dashboard().title());
                check(job.query(), job.promql(), out);
                progress.step();
                return out.list();
            });
            branchNotes = inParallel(jobs, job -> missingBranches(job, report));
        } finally {
            progress.done();
        }
        List<Finding> superseded = new ArrayList<>();
        List<Finding> live = new ArrayList<>();
        found.forEach(live::addAll);
        for (List<Finding> notes : branchNotes) {
            for (int i = 0; i < notes.size(); i += 2) {
                superseded.add(notes.get(i));
                live.add(notes.get(i + 1));
            }
        }
        List<Finding> kept = new ArrayList<>(report.findings());
        kept.removeAll(superseded);
        return new ValidationReport(kept, report.checked(), report.summary()).plus(live);
    }

    /**
     * For every {@code or} of the query that has data, the static errors inside a branch that has none: pairs of
     * (the static finding, the info that replaces it). A dashboard that survives a metric rename queries both names.
     */
    private List<Finding> missingBranches(Job job, ValidationReport report) {
        QueryView q = job.query();
        List<Finding> mine = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR
                        && BRANCH_RULES.contains(f.rule())
                        && f.line() != null
                        && Objects.equals(f.file(), job.file())
                        && Objects.equals(f.dashboard(), job.dashboard().title())
                        && Objects.equals(f.panel(), q.location())
                        && Objects.equals(f.refId(), q.refId()))
                .toList();
        List<Finding> out = new ArrayList<>();
        if (mine.isEmpty()) {
            return out;
        }
        List<Binary> ors = new ArrayList<>();
        q.parsed().expr().walk(e -> {
            if (e instanceof Binary b && b.op() == BinaryOp.OR) {
                ors.add(b);
            }
        });
        for (Binary or : ors) {
            if (!hasData(or, job)) {
                continue;
            }
            for (Expr branch : List.of(or.lhs(), or.rhs())) {
                if (hasData(branch, job)) {
                    continue;
                }
                for (Finding f : mine) {
                    int at = offset(q.expr(), f.line(), f.column());
                    if (at >= branch.span().start() && at < branch.span().end() && !out.contains(f)) {
                        out.add(f);
                        out.add(new Finding(
                                f.file(),
                                f.dashboard(),
                                f.panel(),
                                f.refId(),
                                LiveRules.BRANCH_MISSING.id(),
                                LiveRules.BRANCH_MISSING.severity(),
                                "this branch of \"or\" returns no data while another has data, "
                                        + "so the panel shows data (a renamed metric?): " + f.message(),
                                f.line(),
                                f.column()));
                    }
                }
            }
        }
        return out;
    }

    private boolean hasData(Expr e, Job job) {
        String text = job.query().expr().substring(e.span().start(), e.span().end());
        try {
            return !isEmpty(run(substitute(
                    text, job.dashboard(), job.values(), job.query().panel().repeat())));
        } catch (PrometheusApi.ApiError ex) {
            return false;
        }
    }

    /** The 0-based offset of a 1-based line and column in text. */
    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) {
                break;
            }
            at = nl + 1;
        }
        return at + column - 1;
    }

    /** Applies {@code work} to every item, {@code parallel} at a time; results in the items' order. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        if (parallel <= 1 || items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, items.size()), r -> {
            Thread t = new Thread(r, "dash-live");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw io.vertice.dash.DashException.remote(
                    "interrupted while running the queries against " + api.baseUrl() + ".");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void check(QueryView q, String promql, Findings out) {
        JsonNode data;
        try {
            data = run(promql);
        } catch (PrometheusApi.ApiError e) {
            out.query(
                    LiveRules.QUERY_ERROR,
                    q,
                    "Prometheus rejected the query with variables filled in (" + promql + "): " + e.getMessage() + ".");
            return;
        } catch (PrometheusApi.TimedOut e) {
            Duration t = api.connection().timeout();
            out.query(
                    LiveRules.QUERY_ERROR,
                    q,
                    "no answer within " + (t.toMillis() % 1000 == 0 ? t.toSeconds() + "s" : t.toMillis() + "ms")
                            + " (--query-timeout) to the query with variables filled in (" + promql + ").");
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
            out.query(
                    LiveRules.EMPTY_RESULT,
                    q,
                    "returns no data although every selector matches series; "
                            + "a join, filter or window shorter than two scrapes (" + PromDuration.of(scrapeInterval)
                            + ") removes everything.");
        }
    }

    /** Why a selector matches nothing, or null when it matches series. */
    private String diagnose(VectorSelector s) {
        String name = s.metricName();
        List<LabelMatcher> matchers = s.matchers().stream()
                .filter(m -> !m.name().equals(LabelMatcher.METRIC_NAME))
                .toList();
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
                causes.add("label value missing: no series of " + name + " has " + m.name() + m.op().symbol()
                        + quote(m.value())
                        + " (values seen: " + String.join(", ", known.subList(0, Math.min(10, known.size())))
                        + (known.size() > 10 ? ", ..." : "") + ")");
            }
        }
        if (causes.isEmpty()) {
            return "no series of " + name + " matches " + render(name, matchers)
                    + " (each matcher matches alone, not all together)";
        }
        return String.join("; ", causes);
    }

    private JsonNode run(String promql) {
        JsonNode known = cache.get(promql);
        if (known == null) {
            known = api.query(promql); // outside the map: parallel workers must not wait on each other's queries
            cache.putIfAbsent(promql, known);
        }
        return known;
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
            b.append(i == 0 ? "" : ", ")
                    .append(m.name())
                    .append(m.op().symbol())
                    .append(quote(m.value()));
        }
        return b.append('}').toString();
    }

    private static String quote(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /**
     * Each variable's values as Grafana would use them. A query variable that Grafana refreshes (on load or on
     * time range change) gets its options from the server, and a saved selection that is not among them is
     * replaced as Grafana replaces it: by the first option, which is All when the variable has one.
     */
    Map<String, List<String>> variableValues(DashboardView d) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (VariableView v : d.variables().values()) {
            if (v.type().equals("datasource") || v.type().equals("adhoc")) {
                continue;
            }
            List<String> chosen = v.effectiveValues();
            boolean all = chosen.contains("$__all") || chosen.contains("All");
            boolean refreshed =
                    v.type().equals("query") && v.json().path("refresh").asInt(1) != 0;
            List<String> options = null;
            if (refreshed) {
                options = queryOptions(
                        substitute(v.query(), d, values), v.json().path("regex").asText(""));
                List<String> known = options;
                List<String> kept = chosen.stream().filter(known::contains).toList();
                if (!all && kept.isEmpty()) {
                    all = v.includeAll();
                    chosen = all || options.isEmpty() ? List.of() : List.of(options.get(0));
                } else if (!all) {
                    chosen = kept;
                }
            }
            if (chosen.isEmpty() || all) {
                if (options == null) {
                    options = v.type().equals("query")
                            ? queryOptions(
                                    substitute(v.query(), d, values),
                                    v.json().path("regex").asText(""))
                            : v.options().stream()
                                    .filter(o -> !o.equals("$__all"))
                                    .toList();
                }
                if (options.isEmpty() && v.type().equals("custom")) {
                    options = java.util.Arrays.stream(v.query().split(","))
                            .map(String::trim)
                            .filter(x -> !x.isEmpty())
                            .toList();
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

    /** The options of a {@code label_values} variable, filtered and captured by its regex as Grafana does. */
    private List<String> queryOptions(String query, String regex) {
        Matcher m = LABEL_VALUES.matcher(query);
        if (!m.matches()) {
            return List.of();
        }
        List<String> match = m.group(1) == null || m.group(1).isBlank()
                ? null
                : List.of(m.group(1).trim());
        List<String> found;
        try {
            found = api.labelValues(m.group(2), null, match);
        } catch (PrometheusApi.ApiError | PrometheusApi.TimedOut e) {
            return List.of();
        }
        Pattern filter = variableRegex(regex);
        if (filter == null) {
            return found;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : found) {
            Matcher f = filter.matcher(value);
            if (f.find()) {
                out.add(f.groupCount() >= 1 && f.group(1) != null ? f.group(1) : value);
            }
        }
        return List.copyOf(out);
    }

    /** A variable's {@code regex} ({@code /pattern/flags} or a bare pattern) as Java compiles it; null when none or invalid. */
    private static Pattern variableRegex(String regex) {
        String r = regex.trim();
        if (r.isEmpty()) {
            return null;
        }
        int flags = 0;
        if (r.startsWith("/") && r.lastIndexOf('/') > 0) {
            String f = r.substring(r.lastIndexOf('/') + 1);
            r = r.substring(1, r.lastIndexOf('/'));
            flags = f.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
        }
        try {
            return Pattern.compile(r, flags);
        } catch (java.util.regex.PatternSyntaxException e) {
            return null;
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
            b.append(
                    r.name().equals(single)
                                    && values.containsKey(single)
                                    && !values.get(single).isEmpty()
                            ? values.get(single).get(0)
                            : value(r, d, values));
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
                boolean regex = "regex".equals(r.format())
                        || v.size() > 1
                        || (var != null && (var.multi() || var.includeAll()));
                if (!regex) {
                    return v.get(0);
                }
                if (v.size() == 1
                        && var != null
                        && v.get(0).equals(var.json().path("allValue").asText(null))) {
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
            Duration parsed = PromDuration.tryParse(from.substring(4))
                    .map(PromDuration::toDuration)
                    .orElse(null);
            if (parsed != null) {
                return parsed;
            }
        }
        return Duration.ofHours(1);
    }
}
