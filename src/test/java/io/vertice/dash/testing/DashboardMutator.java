package io.vertice.dash.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Breaks real dashboards the way hand edits, bad tools and hostile input do: a value replaced by one of
 * another type (null, numbers at the edges, strings, lists holding nulls or mixed types), a key deleted,
 * deep nesting, and at the byte level a truncated file or a byte that is not UTF-8. Seeded: the same seed
 * gives the same mutations, so a failing case reproduces.
 */
public final class DashboardMutator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Keys dash reads, so that mutations land where they matter more often than a uniform pick would. */
    private static final List<String> READ_KEYS = List.of(
            "panels",
            "targets",
            "rows",
            "templating",
            "list",
            "annotations",
            "expr",
            "refId",
            "datasource",
            "gridPos",
            "id",
            "title",
            "uid",
            "type",
            "current",
            "options",
            "query",
            "fieldConfig",
            "defaults",
            "unit",
            "legendFormat",
            "hide",
            "repeat",
            "collapsed",
            "enable",
            "builtIn");

    private final Random random;
    private final int maxDepth;

    /** @param maxDepth the deepest nesting a mutation adds (Jackson reads 1000 levels; more must be a sentence) */
    public DashboardMutator(long seed, int maxDepth) {
        this.random = new Random(seed);
        this.maxDepth = maxDepth;
    }

    /** A mutated deep copy: one to three tree mutations. */
    public JsonNode mutate(JsonNode dashboard) {
        JsonNode root = dashboard.deepCopy();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            root = mutateOnce(root);
        }
        return root;
    }

    /** The text of a dashboard, sometimes damaged at the byte level (truncated, an invalid byte, a BOM) or replaced by one nested about 1000 levels deep. */
    public byte[] bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(b, random.nextInt(Math.max(1, b.length)));
            case 1 -> {
                byte[] c = b.clone();
                c[random.nextInt(c.length)] = (byte) (0x80 + random.nextInt(0x80)); // a lone continuation or lead byte
                yield c;
            }
            case 2 -> {
                byte[] c = new byte[b.length + 3];
                c[0] = (byte) 0xEF;
                c[1] = (byte) 0xBB;
                c[2] = (byte) 0xBF;
                System.arraycopy(b, 0, c, 3, b.length);
                yield c;
            }
            case 3 -> {
                int depth = 990 + random.nextInt(40); // around Jackson's 1000 levels: both sides of the limit
                String deep = "{\"title\": \"deep\", \"panels\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
                yield deep.getBytes(StandardCharsets.UTF_8);
            }
            default -> b;
        };
    }

    private JsonNode mutateOnce(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers, 0);
        if (containers.isEmpty() || random.nextInt(40) == 0) {
            return value(); // the whole document replaced
        }
        // prefer containers that hold keys dash reads
        JsonNode target = containers.get(random.nextInt(containers.size()));
        for (int tries = 0; tries < 4 && !holdsReadKey(target); tries++) {
            target = containers.get(random.nextInt(containers.size()));
        }
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = pickName(names);
            if (name == null || random.nextInt(6) == 0) {
                o.set(READ_KEYS.get(random.nextInt(READ_KEYS.size())), value()); // a read key added with a wrong value
            } else if (random.nextInt(4) == 0) {
                o.remove(name);
            } else {
                o.set(name, value());
            }
        } else if (target instanceof ArrayNode a) {
            if (a.isEmpty() || random.nextInt(3) == 0) {
                a.insert(a.isEmpty() ? 0 : random.nextInt(a.size()), value());
            } else if (random.nextInt(4) == 0) {
                a.remove(random.nextInt(a.size()));
            } else {
                a.set(random.nextInt(a.size()), value());
            }
        }
        return root;
    }

    private String pickName(List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        List<String> read = names.stream().filter(READ_KEYS::contains).toList();
        List<String> from = !read.isEmpty() && random.nextInt(4) != 0 ? read : names;
        return from.get(random.nextInt(from.size()));
    }

    private static boolean holdsReadKey(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (String k : READ_KEYS) {
                if (o.has(k)) {
                    return true;
                }
            }
        }
        return n.isArray();
    }

    private static void collect(JsonNode n, List<JsonNode> out, int depth) {
        if (!n.isContainerNode() || depth > 60) {
            return;
        }
        out.add(n);
        for (JsonNode c : n) {
            collect(c, out, depth + 1);
        }
    }

    /** A value of some type, often the wrong one where it lands. */
    private JsonNode value() {
        return switch (random.nextInt(22)) {
            case 0, 1, 2 -> F.nullNode();
            case 3 -> F.numberNode(0);
            case 4 -> F.numberNode(-1);
            case 5 -> F.numberNode(new BigDecimal("1e400"));
            case 6 -> F.numberNode(new BigDecimal("-1e-400"));
            case 7 -> F.numberNode(new BigInteger("9".repeat(300)));
            case 8 -> F.numberNode(new BigDecimal("1e999999999"));
            case 9 -> F.numberNode(Long.MAX_VALUE);
            case 10 -> F.textNode("x");
            case 11 -> F.textNode("");
            case 12 -> F.textNode("$__all\u0000\u001b[31m{{le}}${var:regex}[[x]]");
            case 13 -> F.booleanNode(random.nextBoolean());
            case 14 -> F.arrayNode();
            case 15 -> F.objectNode();
            case 16 -> F.arrayNode().add(F.nullNode());
            case 17 -> F.arrayNode().add(1).add("x");
            case 18 -> F.arrayNode()
                    .add(F.objectNode()
                            .put("type", "row")
                            .set("panels", F.arrayNode().add(F.nullNode())));
            case 19 -> F.objectNode().put("refId", 5).put("expr", 7).set("datasource", F.arrayNode());
            default -> deep(1 + random.nextInt(maxDepth));
        };
    }

    private JsonNode deep(int depth) {
        JsonNode n = F.nullNode();
        for (int i = 0; i < depth; i++) {
            n = random.nextBoolean() ? F.arrayNode().add(n) : F.objectNode().set("panels", n);
        }
        return n;
    }
}
