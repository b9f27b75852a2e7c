package io.vertice.dash.json;

import io.vertice.dash.DashException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Input beyond Jackson's reading limits is one sentence about the file, never the name of a Java setting. */
class JsonLimitsTest {

    static Stream<Arguments> beyondTheLimits() {
        return Stream.of(
                arguments("nesting 1,001 deep", "[".repeat(1001) + "]".repeat(1001),
                        "deep.json nests objects and arrays deeper than dash reads (1001, at most 1000)"),
                arguments("a number of 1,001 digits", "{\"gridPos\": {\"x\": " + "9".repeat(1001) + "}}",
                        "deep.json holds a number with more digits than dash reads (1001, at most 1000)"),
                arguments("a key of 50,001 characters", "{\"" + "k".repeat(50_001) + "\": 1}",
                        "deep.json holds a key longer than dash reads (50001, at most 50000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondTheLimits")
    void jsonBeyondJacksonsLimitsIsOneSentenceAboutTheFile(String name, String text, String sentence) {
        assertThatThrownBy(() -> Json.parse(text, "deep.json"))
                .isInstanceOf(DashException.class)
                .hasMessageStartingWith(sentence)
                .hasMessageEndingWith("; no dashboard needs that: check the file.")
                .hasMessageNotContaining("StreamReadConstraints");
    }
}
