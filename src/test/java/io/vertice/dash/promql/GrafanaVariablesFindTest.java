package io.vertice.dash.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding variable references in any text: legends, titles, expressions that do not parse. */
class GrafanaVariablesFindTest {

    @Test
    void findsEveryShapeWithItsFormatAndPosition() {
        String text = "{{service_name}} in $env,\n${service:regex} [[zone]] ${__rate_interval} ${dash.uid}";
        assertThat(GrafanaVariables.find(text))
                .extracting(VariableUse::name, VariableUse::format, VariableUse::line, VariableUse::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("env", null, 1, 21),
                        org.assertj.core.groups.Tuple.tuple("service", "regex", 2, 1),
                        org.assertj.core.groups.Tuple.tuple("zone", null, 2, 18),
                        org.assertj.core.groups.Tuple.tuple("__rate_interval", null, 2, 27),
                        org.assertj.core.groups.Tuple.tuple("dash", null, 2, 46));
        VariableUse env = GrafanaVariables.find(text).get(0);
        assertThat(text.substring(env.start(), env.end())).isEqualTo("$env");
    }

    @Test
    void regexBackReferencesAndLoneDollarsAreNotVariables() {
        assertThat(GrafanaVariables.find("label_replace(up, \"a\", \"$1-$2\", \"b\", \"(.*)\") $ ${ [[ ]]"))
                .isEmpty();
        assertThat(GrafanaVariables.find(null)).isEmpty();
    }
}
