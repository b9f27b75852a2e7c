package io.vertice.dash.simulator;

/** The fixed label values of the catalogue (SPEC §2), besides the arousal classes of {@link ArousalClass}. */
public final class Vocabulary {
    private Vocabulary() {}

    public static final String OUTCOME_SUCCESS = "success";
    public static final String OUTCOME_FAILURE = "failure";

    /** Why an ignition attempt failed; each failure has exactly one. */
    public enum FailureReason {
        SALIENCE_BELOW_THRESHOLD,
        REFRACTORY_PERIOD,
        INSUFFICIENT_NODES,
        COHERENCE_NOT_REACHED,
        TIMEOUT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The components of an attempt's salience. */
    public enum SalienceComponent {
        NOVELTY,
        RELEVANCE,
        URGENCY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The {@code event_type} values of {@code consciousness_event_total}. */
    public enum EventType {
        ESGT_IGNITION,
        ESGT_FAILURE,
        AROUSAL_TRANSITION,
        NEED_SPIKE,
        STRESS_SPIKE,
        TIG_NODE_DOWN,
        TIG_NODE_UP;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
