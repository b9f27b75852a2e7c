package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromqlCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validExpressionsExitZero() {
        int code = Main.run("promql", "check", "rate(maximus_esgt_ignition_events_total[$__rate_interval])", "up");
        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo("ok   rate(maximus_esgt_ignition_events_total[$__rate_interval])\nok   up\n");
    }

    @Test
    void invalidExpressionShowsSentenceAndCaretAndExitsOne() {
        int code = Main.run("promql", "check", "up", "sum(rate(x))");
        assertThat(code).isEqualTo(1);
        assertThat(stdout())
                .isEqualTo(
                        """
                ok   up
                bad  sum(rate(x))
                     line 1, column 10: expected type range vector in call to function "rate", got instant vector
                     sum(rate(x))
                              ^
                """);
    }

    @Test
    void fileWithJsonOutputKeepsInputOrderAndSkipsBlankLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("queries.txt");
        Files.writeString(f, "up\n\n   \nrate(x[5m]) +\r\nsum by (job) (rate(x[$__rate_interval]))\n");
        int code = Main.run("promql", "check", "--file", f.toString(), "--format", "json");
        assertThat(code).isEqualTo(1);
        JsonNode arr = Json.parse(stdout(), "stdout");
        assertThat(arr).hasSize(3);
        assertThat(arr.get(0).get("expression").asText()).isEqualTo("up");
        assertThat(arr.get(0).get("valid").asBoolean()).isTrue();
        assertThat(arr.get(0).get("error").isNull()).isTrue();
        JsonNode bad = arr.get(1);
        assertThat(bad.get("expression").asText()).isEqualTo("rate(x[5m]) +");
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("error").asText()).isEqualTo("unexpected end of input");
        assertThat(bad.get("line").asInt()).as("the file line").isEqualTo(4);
        assertThat(bad.get("column").asInt()).isEqualTo(14);
        assertThat(arr.get(2).get("valid").asBoolean()).isTrue();
    }

    @Test
    void invalidUtf8LineIsReportedNotFatal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("q.txt");
        Files.write(f, new byte[] {'u', 'p', '\n', 'x', '{', 'a', '=', '"', (byte) 0xC3, '"', '}', '\n'});
        int code = Main.run("promql", "check", "--file", f.toString());
        assertThat(code).isEqualTo(1);
        assertThat(stdout()).startsWith("ok   up\nbad  ").contains("q.txt line 2, column 6: invalid UTF-8 byte 0xC3");
    }

    @Test
    void unreadableFileExitsTwoWithOneSentence(@TempDir Path dir) {
        int code =
                Main.run("promql", "check", "--file", dir.resolve("missing.txt").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("dash: ")
                .contains("missing.txt does not exist")
                .doesNotContain("Exception");
    }

    @Test
    void nothingToCheckIsAUsageError() {
        assertThat(Main.run("promql", "check")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no expressions to check");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "escape sequence (ESC) | 'up\u001b[2J'     | up\\x1b[2J",
                "bell                  | 'up\u0007'        | up\\x07",
                "tab                   | 'sum(up)\t'       | sum(up)\\t",
                "C1 control (NEL)      | 'up\u0085'        | up\\x85",
            })
    void controlCharactersAreEscapedNotSentToTheTerminal(String name, String expr, String shown) {
        Main.run("promql", "check", expr);
        assertThat(stdout())
                .contains(shown)
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\u0085");
        assertThat(stdout().chars().filter(c -> Character.isISOControl(c) && c != '\n'))
                .isEmpty();
    }

    @Test
    void caretStaysUnderTheErrorWhenEscapesWidenTheLine() {
        Main.run("promql", "check", "\u001b + rate(x)");
        assertThat(stdout()).contains("     \\x1b + rate(x)\n     ^\n");
        out.reset();
        Main.run("promql", "check", "up{a=\"\u001b\"} + rate(x)");
        assertThat(stdout()).contains("     up{a=\"\\x1b\"} + rate(x)\n     " + " ".repeat(20) + "^\n");
    }

    @Test
    void longExpressionsAreShortenedUnlessVerbose() {
        String longExpr = "up" + " + up".repeat(100);
        Main.run("promql", "check", longExpr);
        assertThat(stdout())
                .isEqualTo("ok   " + longExpr.substring(0, 200) + "… (" + (longExpr.length() - 200)
                        + " more characters; --verbose shows all)\n");
        out.reset();
        Main.run("promql", "check", "--verbose", longExpr);
        assertThat(stdout()).isEqualTo("ok   " + longExpr + "\n");
    }

    @Test
    void fileDashReadsStandardInputSkippingBlankAndCommentLines() {
        InputStream oldIn = System.in;
        System.setIn(new ByteArrayInputStream("# recording rules of team x\nup\n\n   # indented comment\nrate(x)\n"
                .getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(Main.run("promql", "check", "--file", "-")).isEqualTo(1);
        } finally {
            System.setIn(oldIn);
        }
        assertThat(stdout())
                .startsWith("ok   up\nbad  rate(x)\n     standard input line 5, column 6: expected type range vector");
    }

    @Test
    void deepAndLongExpressionsAreCheckedNotRejected() {
        String deep = "(".repeat(10_000) + "up" + ")".repeat(10_000);
        String chain = "up" + " + up".repeat(100_000);
        assertThat(Main.run("promql", "check", deep, chain)).isZero();
        assertThat(stdout()).startsWith("ok   ((((").contains("\nok   up + up + up");
    }
}
