package io.vertice.dash.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.cli.Cli;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.SharedDir;
import io.vertice.dash.validate.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** --list-rules, docs/rules.md and the README table: all generated from the rules' @RuleInfo, none drifting. */
class RuleCatalogTest {
    private static final List<String> IDS = Stream.concat(Rules.all().stream(), LiveRules.all().stream())
            .map(Rule::id)
            .toList();

    @Test
    void listRulesAsJsonHasEveryRuleWithItsSeverityAndWhy() {
        Cli.Result r = Cli.run("validate", "--list-rules", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode rules = Json.parse(r.out(), "stdout").path("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> {
            ids.add(rule.path("id").asText());
            assertThat(rule.path("severity").asText()).isIn("error", "warning", "info");
            assertThat(rule.path("why").asText()).endsWith(".");
            assertThat(rule.path("scope").asText()).isIn("query", "dashboard", "live");
        });
        assertThat(ids).containsExactlyElementsOf(IDS);
        assertThat(rules.get(0).toString()).contains("\"id\":\"promql-syntax\"", "\"severity\":\"error\"");
    }

    @Test
    void listRulesAsTextIsOneLinePerRule() {
        Cli.Result r = Cli.run("validate", "--list-rules");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(IDS.size());
        assertThat(r.out().lines().findFirst().orElseThrow())
                .startsWith("promql-syntax")
                .contains("error", "Prometheus rejects the query");
        Cli.Result junit = Cli.run("validate", "--list-rules", "--format", "junit");
        assertThat(junit.exit()).isEqualTo(2);
        assertThat(junit.err()).contains("--list-rules prints text or json");
    }

    @Test
    void theCommittedRuleReferenceAndReadmeTableMatchTheCode() throws IOException {
        String docs = Files.readString(SharedDir.projectDir().resolve(RuleCatalog.DOCS_FILE));
        assertThat(docs).as("run './dash docs' and commit docs/rules.md").isEqualTo(RuleCatalog.docs());
        String readme = Files.readString(SharedDir.projectDir().resolve("README.md"));
        assertThat(readme).as("run './dash docs' and commit README.md").isEqualTo(RuleCatalog.withReadmeTable(readme));
        assertThat(readme).contains("| [`multi-value-equality`](docs/rules.md#multi-value-equality) | error |");
    }

    @Test
    void theDocsShowWhyAndExamplesOfEveryRule() {
        String docs = RuleCatalog.docs();
        for (String id : IDS) {
            assertThat(docs).contains("## " + id + "\n");
        }
        assertThat(docs)
                .contains(
                        "Reported:",
                        "Accepted:",
                        "  ```promql\n  rate(maximus_arousal_level{",
                        "a row repeated over the variable:");
    }

    @Test
    void aHandEditedReadmeTableIsReplacedAndMissingMarkersAreSaid() {
        String drifted =
                "intro\n" + RuleCatalog.TABLE_BEGIN + "\n| old | table |\n" + RuleCatalog.TABLE_END + "\nrest\n";
        assertThat(RuleCatalog.withReadmeTable(drifted)).isEqualTo("intro\n" + RuleCatalog.readmeTable() + "\nrest\n");
        assertThat(RuleCatalog.withReadmeTable("no markers")).isNull();
    }
}
