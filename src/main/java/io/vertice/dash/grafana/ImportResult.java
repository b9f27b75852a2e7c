package io.vertice.dash.grafana;

import io.vertice.dash.diff.Change;
import java.util.List;

/**
 * What happened to one dashboard during an import (or would happen, in a dry run).
 *
 * @param uid     the dashboard's uid
 * @param title   its title
 * @param folder  the folder it is (or would be) in
 * @param action  what was done
 * @param version the version stored in Grafana afterwards (null when unknown or failed)
 * @param url     its address in Grafana (empty when unknown)
 * @param changes the differences from Grafana's copy before the import (empty for create/unchanged)
 * @param error   the sentence explaining a failure, or null
 * @param manager who else manages the dashboard, when that is why it is skipped or failed; else null
 */
public record ImportResult(
        String uid,
        String title,
        String folder,
        Action action,
        Long version,
        String url,
        List<Change> changes,
        String error,
        Manager manager) {

    public ImportResult {
        changes = List.copyOf(changes);
    }

    /** The action for the table: the word, with why for a skip ({@code skip (provisioned: change the file on the server)}). */
    public String actionText(boolean dryRun) {
        return action.word(dryRun)
                + (action == Action.SKIP && manager != null ? " (" + manager.skipReason() + ")" : "");
    }

    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        SKIP,
        FAILED;

        /** The word for the summary table, in past tense, or as an intention in a dry run. */
        public String word(boolean dryRun) {
            return switch (this) {
                case CREATE -> dryRun ? "create" : "created";
                case UPDATE -> dryRun ? "update" : "updated";
                case UNCHANGED -> "unchanged";
                case SKIP -> dryRun ? "skip" : "skipped";
                case FAILED -> "failed";
            };
        }
    }
}
