package io.vertice.dash.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesSortedKeysTwoSpaceIndentAndATrailingNewline() {
        ObjectNode n = Json.object();
        n.put("zeta", 1);
        n.put("alpha", "a");
        n.putObject("mid").put("y", true).put("x", false);
        assertThat(Json.write(n))
                .isEqualTo(
                        """
                {
                  "alpha": "a",
                  "mid": {
                    "x": false,
                    "y": true
                  },
                  "zeta": 1
                }
                """);
    }

    @Test
    void writesEmptyContainersAndWholeNumbersTheWayGrafanaDoes() {
        ObjectNode n = Json.object();
        n.putArray("list");
        n.putObject("obj");
        n.put("whole", 80.0);
        n.put("fraction", 0.25);
        n.putNull("nothing");
        assertThat(Json.write(n))
                .isEqualTo(
                        """
                {
                  "fraction": 0.25,
                  "list": [],
                  "nothing": null,
                  "obj": {},
                  "whole": 80
                }
                """);
    }

    @Test
    void theSameTreeBuiltInAnotherOrderWritesTheSameBytes() {
        ObjectNode a = Json.object();
        a.put("b", 2);
        a.put("a", 1);
        ObjectNode b = Json.object();
        b.put("a", 1);
        b.put("b", 2);
        assertThat(Json.write(a)).isEqualTo(Json.write(b));
    }

    @Test
    void malformedJsonIsOneSentenceWithLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  oops\n}", "board.json"))
                .isInstanceOf(DashException.class)
                .hasMessageStartingWith("board.json is not valid JSON at line 3, column 3")
                .satisfies(e -> assertThat(((DashException) e).exitCode()).isEqualTo(ExitCodes.USAGE));
    }
}
