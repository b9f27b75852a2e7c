package io.vertice.dash.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertice.dash.DashException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree whose every node knows its line, so that a configuration error can say
 * where it is. Read with jackson-dataformat-yaml's streaming parser, whose token locations give the lines.
 */
sealed interface YamlNode {
    int line();

    /** A scalar: its text as written (numbers and booleans too), and whether YAML reads it as a number. */
    record Scalar(String text, boolean number, int line) implements YamlNode {}

    /** A mapping; each value is reached through its key. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {}

    /** One key of a mapping: the key's line and the value. */
    record Entry(String key, int line, YamlNode value) {}

    record Sequence(List<YamlNode> items, int line) implements YamlNode {}

    /** An empty value ({@code key:} with nothing after it, or {@code ~}). */
    record Empty(int line) implements YamlNode {}

    /** Parses {@code text}; a syntax error is a {@code DashException.input} naming {@code file} and the line. */
    static YamlNode parse(String text, String file) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Empty(1);
            }
            return read(p, file);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            String why = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw DashException.input(
                    file + ", line " + line + ": not valid YAML (" + why + "); fix the indentation or quoting there.");
        } catch (IOException e) {
            throw DashException.input("cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static YamlNode read(JsonParser p, String file) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    YamlNode value = read(p, file);
                    if (entries.putIfAbsent(key, new Entry(key, keyLine, value)) != null) {
                        throw DashException.input(file + ", line " + keyLine + ": \"" + key
                                + "\" is written twice in the same" + " mapping; keep one.");
                    }
                }
                return new Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Empty(line);
            }
            default -> {
                return new Scalar(
                        p.getText(), t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT, line);
            }
        }
    }
}
