package io.vertice.dash.config;

import io.vertice.dash.DashException;
import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.json.TextFiles;
import io.vertice.dash.promql.Dialect;
import io.vertice.dash.validate.Exclusion;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.ValidationPolicy;
import io.vertice.dash.validate.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Entry point of the configuration: reads {@code .dash.yaml}. Every mistake is one sentence with the file, the
 * line and what to write instead ({@code DashException.input}, exit 2):
 * <pre>
 * rules:                      # severity per rule id: error, warning or info
 *   fixed-rate-window: info
 * exclude:                    # accepted findings; every field given must match, reason is required
 *   - dashboard: node-exporter-full     # dashboard uid
 *     panel: CPU Busy                   # panel title or id
 *     rule: unknown-metric
 *     reason: the node exporter's metrics are not in our catalogue
 * datasources:                # query dialect per datasource uid or name: promql (default) or metricsql
 *   victoria: metricsql
 * export:
 *   schema: classic           # classic or v2
 * </pre>
 */
public final class ConfigFile {
    /** Its name at the repository root. */
    public static final String NAME = ".dash.yaml";

    private static final Set<String> SECTIONS = Set.of("rules", "exclude", "datasources", "export");
    private static final Set<String> EXCLUSION_FIELDS = Set.of("dashboard", "panel", "rule", "reason");

    private final String file;

    private ConfigFile(String file) {
        this.file = file;
    }

    /** The configuration at {@code path}; a missing file is a {@code DashException.input}. */
    public static DashConfig load(Path path) {
        String text = TextFiles.readIfPresent(path);
        if (text == null) {
            throw DashException.input(path + " does not exist; pass an existing configuration file to --config.");
        }
        return parse(text, path.toString());
    }

    /** The repository's {@code .dash.yaml} when there is one, else {@link DashConfig#NONE}. */
    public static DashConfig loadIfPresent(Path root) {
        Path path = root.resolve(NAME);
        String text = TextFiles.readIfPresent(path);
        return text == null ? DashConfig.NONE : parse(text, path.toString());
    }

    /** Parses configuration text; {@code file} names it in errors. */
    public static DashConfig parse(String text, String file) {
        return new ConfigFile(file).read(YamlNode.parse(text, file));
    }

    private DashConfig read(YamlNode root) {
        if (root instanceof YamlNode.Empty) {
            return new DashConfig(file, ValidationPolicy.NONE, null);
        }
        YamlNode.Mapping top =
                mapping(root, "the top level", "sections such as rules:, exclude:, datasources: and export:");
        for (YamlNode.Entry e : top.entries().values()) {
            if (!SECTIONS.contains(e.key())) {
                throw error(e.line(), "unknown section \"" + e.key() + "\"; write one of " + sorted(SECTIONS) + ".");
            }
        }
        Map<String, Severity> severities = severities(top.entries().get("rules"));
        List<Exclusion> exclusions = exclusions(top.entries().get("exclude"));
        Map<String, Dialect> dialects = dialects(top.entries().get("datasources"));
        ExportSchema schema = exportSchema(top.entries().get("export"));
        return new DashConfig(file, new ValidationPolicy(severities, exclusions, dialects), schema);
    }

    /** How one {@code key: word} line of a section becomes a value; throws the error for a wrong word. */
    @FunctionalInterface
    private interface KeyedWord<V> {
        V read(String key, String word, int line);
    }

    /** A section of {@code key: word} lines ({@code rules:}, {@code datasources:}). */
    private <V> Map<String, V> keyedWords(
            YamlNode.Entry section, String name, String example, String expected, KeyedWord<V> read) {
        Map<String, V> out = new LinkedHashMap<>();
        if (section == null || section.value() instanceof YamlNode.Empty) {
            return out;
        }
        YamlNode.Mapping m = mapping(section.value(), name, example);
        for (YamlNode.Entry e : m.entries().values()) {
            String word = scalar(e.value(), name + " " + e.key(), expected);
            out.put(e.key(), read.read(e.key(), word, e.value().line()));
        }
        return out;
    }

    private Map<String, Severity> severities(YamlNode.Entry section) {
        return keyedWords(
                section,
                "rules:",
                "one line per rule, e.g. \"fixed-rate-window: info\"",
                "error, warning or info",
                (rule, word, line) -> {
                    checkRule(rule, line);
                    return oneOf(
                            Severity.values(),
                            Severity::word,
                            word,
                            line,
                            "unknown severity \"" + word + "\"; write error, warning or info.");
                });
    }

    private List<Exclusion> exclusions(YamlNode.Entry section) {
        List<Exclusion> out = new ArrayList<>();
        if (section == null || section.value() instanceof YamlNode.Empty) {
            return out;
        }
        if (!(section.value() instanceof YamlNode.Sequence list)) {
            throw error(
                    section.line(),
                    "exclude: must be a list; write each exclusion as \"- rule: ID\" with a reason: line.");
        }
        for (YamlNode item : list.items()) {
            YamlNode.Mapping m = mapping(item, "an exclude: entry", "dashboard:, panel:, rule: and reason: keys");
            for (YamlNode.Entry e : m.entries().values()) {
                if (!EXCLUSION_FIELDS.contains(e.key())) {
                    throw error(
                            e.line(),
                            "unknown key \"" + e.key()
                                    + "\" in an exclusion; write dashboard: (uid), panel: (title or id),"
                                    + " rule: (id) and reason:.");
                }
            }
            String dashboard = optionalScalar(m, "dashboard", "a dashboard uid");
            String panel = optionalScalar(m, "panel", "a panel title or id");
            String rule = optionalScalar(m, "rule", "a rule id");
            String reason = optionalScalar(m, "reason", "why the finding is accepted");
            if (dashboard == null && panel == null && rule == null) {
                throw error(
                        m.line(),
                        "this exclusion matches every finding; say which with dashboard: (uid), panel: (title or id)"
                                + " and/or rule: (id).");
            }
            if (reason == null || reason.isBlank()) {
                throw error(
                        m.line(),
                        "this exclusion has no reason; add a line \"reason: <why this finding is accepted>\".");
            }
            if (rule != null) {
                checkRule(rule, m.entries().get("rule").line());
            }
            out.add(new Exclusion(dashboard, panel, rule, reason.strip(), file + ", line " + m.line()));
        }
        return out;
    }

    private Map<String, Dialect> dialects(YamlNode.Entry section) {
        return keyedWords(
                section,
                "datasources:",
                "one line per datasource uid or name, e.g. \"victoria: metricsql\"",
                "promql or metricsql",
                (datasource, word, line) -> oneOf(
                        Dialect.values(),
                        Dialect::word,
                        word,
                        line,
                        "unknown query dialect \"" + word + "\" for datasource \"" + datasource
                                + "\"; write promql or metricsql."));
    }

    private ExportSchema exportSchema(YamlNode.Entry section) {
        if (section == null || section.value() instanceof YamlNode.Empty) {
            return null;
        }
        YamlNode.Mapping m = mapping(section.value(), "export:", "\"schema: classic\" or \"schema: v2\"");
        ExportSchema schema = null;
        for (YamlNode.Entry e : m.entries().values()) {
            if (!e.key().equals("schema")) {
                throw error(
                        e.line(),
                        "unknown key \"" + e.key() + "\" under export:; write schema: classic or schema: v2.");
            }
            String word = scalar(e.value(), "export: schema", "classic or v2");
            schema = oneOf(
                    ExportSchema.values(),
                    ExportSchema::cliName,
                    word,
                    e.value().line(),
                    "unknown export schema \"" + word + "\"; write classic or v2.");
        }
        return schema;
    }

    private void checkRule(String id, int line) {
        Set<String> known =
                RuleCatalog.all().stream().map(r -> r.id()).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!known.contains(id)) {
            throw error(
                    line,
                    "unknown rule \"" + id + "\"; write one of " + String.join(", ", known)
                            + " (dash validate --list-rules lists them).");
        }
    }

    /** The value whose word is {@code word} (any case), or the error {@code otherwise} at {@code line}. */
    private <E> E oneOf(
            E[] values, java.util.function.Function<E, String> word, String text, int line, String otherwise) {
        return Arrays.stream(values)
                .filter(v -> word.apply(v).equals(text.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> error(line, otherwise));
    }

    private YamlNode.Mapping mapping(YamlNode node, String what, String expected) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw error(node.line(), what + " must be a mapping; write " + expected + ".");
    }

    private String scalar(YamlNode node, String what, String expected) {
        if (node instanceof YamlNode.Scalar s) {
            return s.text();
        }
        throw error(node.line(), what + " needs a single value; write " + expected + ".");
    }

    private String optionalScalar(YamlNode.Mapping m, String key, String expected) {
        YamlNode.Entry e = m.entries().get(key);
        return e == null ? null : scalar(e.value(), key + ":", expected);
    }

    private DashException error(int line, String what) {
        return DashException.input(file + ", line " + line + ": " + what);
    }

    private static String sorted(Set<String> words) {
        return words.stream().sorted().map(w -> w + ":").collect(Collectors.joining(", "));
    }
}
