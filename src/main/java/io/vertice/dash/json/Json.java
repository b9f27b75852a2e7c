package io.vertice.dash.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertice.dash.DashException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** YAML into the same trees, with the same features (a second document in the stream is an error). */
    private static final ObjectMapper YAML = new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** "(1001) exceeds the maximum allowed (1000": the figures of a Jackson limit message. */
    private static final Pattern LIMIT_NUMBERS = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Renders a tree the byte-stable way described on the class. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new StablePrettyPrinter());
            MAPPER.writeTree(g, canonical(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
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
        } catch (StreamConstraintsException e) {
            throw DashException.input(source + " " + beyondLimits(e) + at(e.getLocation()) + "; no dashboard needs that: check the file.", e);
        } catch (JsonProcessingException e) {
            throw DashException.input(source + " is not valid " + format + at(e.getLocation()) + ": " + e.getOriginalMessage()
                    + "; fix the file or export it again.", e);
        }
    }

    private static String at(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** Jackson's size and depth limits in words: its own message names its configuration classes. */
    private static String beyondLimits(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        Matcher n = LIMIT_NUMBERS.matcher(m);
        String numbers = n.find() ? " (" + n.group(1) + ", at most " + n.group(2) + ")" : "";
        if (m.contains("nesting depth")) {
            return "nests objects and arrays deeper than dash reads" + numbers;
        }
        if (m.startsWith("Number")) {
            return "holds a number with more digits than dash reads" + numbers;
        }
        if (m.startsWith("String")) {
            return "holds a string longer than dash reads" + numbers;
        }
        if (m.startsWith("Name")) {
            return "holds a key longer than dash reads" + numbers;
        }
        return "is larger than dash reads" + numbers;
    }

    /** Reads a JSON file; a missing, unreadable or malformed file is one sentence (exit 2). */
    public static JsonNode read(Path file) {
        return parse(TextFiles.read(file), file.toString());
    }

    /** Iterates an object's fields in order; convenience for callers that walk trees. */
    public static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }

    /** Grafana/Go style: "key": value, two-space indent, empty containers without inner space. */
    private static final class StablePrettyPrinter extends DefaultPrettyPrinter {
        StablePrettyPrinter() {
            super(DefaultPrettyPrinter.DEFAULT_ROOT_VALUE_SEPARATOR);
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
            _separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            _objectFieldValueSeparatorWithSpaces = ": ";
        }

        StablePrettyPrinter(StablePrettyPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new StablePrettyPrinter(this);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (!_objectIndenter.isInline()) {
                --_nesting;
            }
            if (nrOfEntries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            if (nrOfValues > 0) {
                _arrayIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw(']');
        }
    }
}
