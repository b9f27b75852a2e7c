package io.vertice.dash.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertice.dash.DashException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input beyond Jackson's reading limits is one sentence about the file, never the name of a Java setting. */
class JsonLimitsTest {

    static Stream<Arguments> beyondTheLimits() {
        return Stream.of(
                arguments(
                        "nesting 1,001 deep",
                        "[".repeat(1001) + "]".repeat(1001),
                        "deep.json is not valid JSON: it nests arrays and objects deeper than 1000 levels; fix the file or export it again."),
                arguments(
                        "a number of 1,001 digits",
                        "{\"gridPos\": {\"x\": " + "9".repeat(1001) + "}}",
                        "deep.json is not valid JSON: it holds a number longer than 1000 digits; fix the file or export it again."),
                arguments(
                        "a key of 50,001 characters",
                        "{\"" + "k".repeat(50_001) + "\": 1}",
                        "deep.json is not valid JSON: it holds a key longer than 50000 characters; fix the file or export it again."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondTheLimits")
    void jsonBeyondJacksonsLimitsIsOneSentenceAboutTheFile(String name, String text, String sentence) {
        assertThatThrownBy(() -> Json.parse(text, "deep.json"))
                .isInstanceOf(DashException.class)
                .hasMessage(sentence)
                .hasMessageNotContaining("StreamReadConstraints");
    }
}
