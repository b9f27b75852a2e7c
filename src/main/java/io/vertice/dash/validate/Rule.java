package io.vertice.dash.validate;

/**
 * A validation rule. One class per rule, annotated with {@link RuleInfo} (its id, severity, why and
 * examples); implement {@link DashboardRule} or {@link QueryRule}.
 */
public interface Rule {
    /** The rule's metadata; by default read from the class's {@link RuleInfo}. */
    default RuleMeta meta() {
        return RuleMeta.of(getClass());
    }

    default String id() {
        return meta().id();
    }

    default Severity severity() {
        return meta().severity();
    }

    default String why() {
        return meta().why();
    }
}
