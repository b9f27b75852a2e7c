package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Threshold steps: a base colour from minus infinity, then a colour from each value upwards.
 * Read like a legend: {@code Thresholds.from("red").at(0.5, "yellow").at(0.8, "green")}.
 */
public record Thresholds(Mode mode, List<Step> steps) {

    public enum Mode {
        ABSOLUTE("absolute"),
        PERCENTAGE("percentage");

        private final String json;

        Mode(String json) {
            this.json = json;
        }
    }

    /** One step; {@code value} null is the base step (minus infinity). */
    public record Step(Double value, String color) {}

    public Thresholds {
        steps = List.copyOf(steps);
        for (int i = 2; i < steps.size(); i++) {
            if (steps.get(i).value() <= steps.get(i - 1).value()) {
                throw new IllegalArgumentException("threshold steps must increase: " + steps);
            }
        }
    }

    /** Absolute thresholds starting with a base colour. */
    public static Thresholds from(String baseColor) {
        return new Thresholds(Mode.ABSOLUTE, List.of(new Step(null, baseColor)));
    }

    /** Grafana's default for a new panel: green, red from 80. */
    public static Thresholds grafanaDefault() {
        return from("green").at(80, "red");
    }

    /** These thresholds with one more step: {@code color} from {@code value} upwards. */
    public Thresholds at(double value, String color) {
        List<Step> next = new ArrayList<>(steps);
        next.add(new Step(value, color));
        return new Thresholds(mode, next);
    }

    public Thresholds percentage() {
        return new Thresholds(Mode.PERCENTAGE, steps);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("mode", mode.json);
        ArrayNode arr = n.putArray("steps");
        for (Step s : steps) {
            ObjectNode step = arr.addObject();
            step.put("color", s.color());
            if (s.value() == null) {
                step.putNull("value");
            } else {
                step.put("value", s.value());
            }
        }
        return n;
    }
}
