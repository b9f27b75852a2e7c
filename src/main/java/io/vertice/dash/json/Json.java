package io.vertice.dash.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertice.dash.DashException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place JSON is read and written.
 *
 * <p>Written JSON is byte-stable: object keys sorted (as Grafana's API returns a saved dashboard,
 * Go's encoder sorts map keys), two-space indent, {@code "key": value}, empty containers as
 * {@code []} and {@code {}}, integral numbers without a fraction, and a trailing newline.
 */
public final class Json {
    /** Shared mapper; configured once, thread-safe for reading and writing. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** YAML into the same trees, with the same features and limits (a second document in the stream is an error). */
    private static final ObjectMapper YAML = new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Grafana/Go style, from Jackson's own settings: {@code "key": value}, two-space indent for objects and
     * arrays, {@code []} and {@code {}} for empty containers, properties sorted.
     */
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter STABLE = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(INDENT)
                    .withArrayIndenter(INDENT))
            .with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    /** Renders a tree the byte-stable way described on the class. */
    public static String write(JsonNode node) {
        try {
            return STABLE.writeValueAsString(canonical(node)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy with object keys sorted and integral floating-point numbers made integers. */
    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = object();
            for (String name : names) {
                copy.set(name, canonical(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = array();
            for (JsonNode element : node) {
                copy.add(canonical(element));
            }
            return copy;
        }
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            if (!Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
                return JsonNodeFactory.instance.numberNode((long) d);
            }
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node.deepCopy();
    }

    /** Parses text; malformed input is one sentence naming the source, line and column (exit 2). */
    public static JsonNode parse(String text, String source) {
        return parse(MAPPER, "JSON", text, source);
    }

    /** Parses YAML (one document) into the same tree as JSON; malformed input is one sentence (exit 2). */
    public static JsonNode parseYaml(String text, String source) {
        JsonNode node = parse(YAML, "YAML", text, source);
        return node == null || node.isMissingNode() ? NullNode.instance : node;
    }

    private static JsonNode parse(ObjectMapper mapper, String format, String text, String source) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw DashException.input(
                    source + " is not valid " + format + where + ": " + problem(e)
                            + "; fix the file or export it again.",
                    e);
        }
    }

    /**
     * What is wrong, in the user's words. Jackson's own text is kept for syntax errors; its limits
     * (StreamReadConstraints) are said as what the file does, not as the Java setting that stopped it.
     */
    static String problem(JsonProcessingException e) {
        if (!(e instanceof StreamConstraintsException)) {
            return e.getOriginalMessage();
        }
        StreamReadConstraints limits = MAPPER.getFactory().streamReadConstraints();
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Document nesting depth")) {
            return "it nests arrays and objects deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (message.startsWith("Number value length")) {
            return "it holds a number longer than " + limits.getMaxNumberLength() + " digits";
        }
        if (message.startsWith("String value length")) {
            return "it holds a string longer than " + limits.getMaxStringLength() + " characters";
        }
        if (message.startsWith("Name length")) {
            return "it holds a key longer than " + limits.getMaxNameLength() + " characters";
        }
        return "it is larger than dash reads";
    }

    /** Reads a JSON file; a missing, unreadable, non-UTF-8 or malformed file is one sentence (exit 2). */
    public static JsonNode read(Path file) {
        return parse(TextFiles.read(file), file.toString());
    }
}
