package io.vertice.dash.grafana;

import io.vertice.dash.ExitCodes;
import java.util.List;

/**
 * The outcome of {@code dash import}.
 *
 * @param results          one per dashboard, in input order
 * @param folder           the resolved folder, or null without --folder
 * @param dryRun           whether nothing was written
 * @param validationLines  findings of --validate (empty without it)
 * @param blockedByValidation whether validation found errors, so nothing was pushed
 */
public record ImportReport(
        List<ImportResult> results,
        FolderResolver.Resolution folder,
        boolean dryRun,
        List<String> validationLines,
        boolean blockedByValidation) {

    public ImportReport {
        results = List.copyOf(results);
        validationLines = List.copyOf(validationLines);
    }

    public long failed() {
        return results.stream()
                .filter(r -> r.action() == ImportResult.Action.FAILED)
                .count();
    }

    /** 1 when validation blocked the import, 3 when any dashboard failed, 0 otherwise. */
    public int exitCode() {
        if (blockedByValidation) {
            return ExitCodes.FINDINGS;
        }
        return failed() > 0 ? ExitCodes.REMOTE : ExitCodes.OK;
    }
}
