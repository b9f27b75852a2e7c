package io.vertice.dash.validate;

import java.util.Objects;

/**
 * One exclusion of {@code .dash.yaml}: findings of a dashboard (uid), a panel (title or id) and/or a rule that
 * are known and accepted, with the reason why. Every field given must match; a null field matches anything.
 * Excluded findings are counted in the summary and listed with {@code --verbose}, never silently dropped.
 *
 * @param where where in the configuration it is written ({@code .dash.yaml, line 7}), for {@code --verbose}
 */
public record Exclusion(String dashboardUid, String panel, String rule, String reason, String where) {

    public Exclusion {
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether a finding of the dashboard with this uid is excluded. */
    public boolean matches(String uid, Finding f) {
        return (dashboardUid == null || dashboardUid.equals(uid))
                && (rule == null || rule.equals(f.rule()))
                && (panel == null || panel.equals(f.panel()) || panel.equals(String.valueOf(f.panelId())));
    }
}
