package io.vertice.dash.simulator;

import java.util.List;

/** The fixed label values of the catalogue (SPEC §2), besides the arousal classes of {@link ArousalClass}. */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static final String OUTCOME_SUCCESS = "success";
    public static final String OUTCOME_FAILURE = "failure";
    public static final List<String> OUTCOMES = List.of(OUTCOME_SUCCESS, OUTCOME_FAILURE);

    /** Why an ignition attempt failed; each failure has exactly one. */
    public enum FailureReason {
        SALIENCE_BELOW_THRESHOLD, REFRACTORY_PERIOD, INSUFFICIENT_NODES, COHERENCE_NOT_REACHED, TIMEOUT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The components of an attempt's salience. */
    public enum SalienceComponent {
        NOVELTY, RELEVANCE, URGENCY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The {@code event_type} values of {@code consciousness_event_total}. */
    public enum EventType {
        ESGT_IGNITION, ESGT_FAILURE, AROUSAL_TRANSITION, NEED_SPIKE, STRESS_SPIKE, TIG_NODE_DOWN, TIG_NODE_UP;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static List<String> failureReasons() {
        return java.util.Arrays.stream(FailureReason.values()).map(FailureReason::label).toList();
    }

    public static List<String> components() {
        return java.util.Arrays.stream(SalienceComponent.values()).map(SalienceComponent::label).toList();
    }

    public static List<String> eventTypes() {
        return java.util.Arrays.stream(EventType.values()).map(EventType::label).toList();
    }
}
