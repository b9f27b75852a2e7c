package io.vertice.dash.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classes of {@code maximus_arousal_level} (SPEC §2):
 * sleep ≤ 0.2 &lt; drowsy ≤ 0.4 &lt; relaxed ≤ 0.6 &lt; alert ≤ 0.8 &lt; hyperalert.
 */
public enum ArousalClass {
    SLEEP(0.2),
    DROWSY(0.4),
    RELAXED(0.6),
    ALERT(0.8),
    HYPERALERT(Double.POSITIVE_INFINITY);

    private final double upperBound;

    ArousalClass(double upperBound) {
        this.upperBound = upperBound;
    }

    /** The label value, e.g. {@code relaxed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class a level falls in; a level on a boundary belongs to the lower class. */
    public static ArousalClass of(double level) {
        for (ArousalClass c : values()) {
            if (level <= c.upperBound) {
                return c;
            }
        }
        return HYPERALERT;
    }

    /** The {@code transition} label value of a change from this class to another: {@code relaxed->alert}. */
    public String transitionTo(ArousalClass to) {
        return label() + "->" + to.label();
    }

    /**
     * Every transition the simulator can produce. The level slews by less than the narrowest inner band
     * (see {@link ArousalModel#MAX_STEP}), so a class change always goes to an adjacent class.
     */
    public static List<String> possibleTransitions() {
        List<String> out = new ArrayList<>();
        ArousalClass[] all = values();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) {
                out.add(all[i].transitionTo(all[i - 1]));
            }
            if (i + 1 < all.length) {
                out.add(all[i].transitionTo(all[i + 1]));
            }
        }
        return out;
    }
}
