package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.diff.Change;
import io.vertice.dash.diff.DashboardDiff;
import io.vertice.dash.diff.Normalizer;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.export.ExportSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pushes dashboards to Grafana — the entry point of {@code dash import}.
 *
 * <p>Order of work: validation (when asked; errors stop everything), Grafana's health and API
 * ({@link GrafanaApis#connect}: the legacy {@code /api} or {@code /apis}), the folder path (created level by level before any dashboard), then every dashboard on a bounded worker pool:
 * read Grafana's copy, compare semantically, and save only when it differs (no version churn). Saves
 * carry the version read, so a concurrent edit in Grafana is a conflict rather than silently lost,
 * unless {@code overwrite}. A dashboard someone else manages (file provisioning, Git Sync, Terraform...)
 * is not overwritten. One dashboard's failure does not stop the others; refused credentials stop the run.
 */
public final class Importer {
    private final Supplier<Dashboards> connect;
    private Dashboards grafana;
    private final PreImportCheck check;
    private final Consumer<String> progress;

    /**
     * @param connect  opens Grafana ({@link GrafanaApis#connect}); called after validation, so a failed
     *                 validation sends no request
     * @param check    what --validate runs, or null without --validate
     * @param progress receives a progress line now and then when there are many dashboards
     */
    public Importer(Supplier<Dashboards> connect, PreImportCheck check, Consumer<String> progress) {
        this.connect = connect;
        this.check = check;
        this.progress = progress;
    }

    /**
     * @param folderPath where to put the dashboards ({@code Cockpit/Consciousness}); null keeps an
     *                   existing dashboard's folder and puts new ones at the root
     * @param message    the version-history note
     * @param dryRun     decide and report, but write nothing (no folder, no dashboard)
     * @param overwrite  save even over a concurrent change or a same-named dashboard
     * @param schema     the schema to store dashboards in (v2 needs Grafana 12+ through /apis)
     */
    public record Options(String folderPath, String message, boolean dryRun, boolean overwrite, ExportSchema schema) {}

    public ImportReport run(List<DashboardDocument> dashboards, Options options) {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (DashboardDocument d : dashboards) {
            if (d.uid() == null || d.uid().isBlank()) {
                throw DashException.input(
                        d.origin() + " has no uid; give every dashboard a stable uid so dash can find Grafana's copy.");
            }
            String before = seen.put(d.uid(), d.origin());
            if (before != null) {
                // two saves of one uid would race and overwrite each other
                throw DashException.input(
                        before + " and " + d.origin() + " both have uid " + d.uid() + "; import one of them.");
            }
        }
        List<String> validation = List.of();
        if (check != null) {
            PreImportCheck.Result r = check.check(List.copyOf(dashboards));
            validation = r.lines();
            if (r.hasErrors()) {
                return new ImportReport(List.of(), null, options.dryRun(), validation, true);
            }
        }
        grafana = connect.get();
        grafana.requireSchema(options.schema());
        if (options.schema() == ExportSchema.V2) {
            for (DashboardDocument d : dashboards) {
                // never store a v2 dashboard that silently lacks something of ours
                V2Features.v2Loss(d.classic()).ifPresent(loss -> {
                    throw DashException.input(
                            d.origin() + " (" + d.uid() + "): " + loss + "; import it with --schema classic.");
                });
            }
        }
        FolderResolver.Resolution folder = options.folderPath() == null
                ? null
                : new FolderResolver(grafana.folders()).resolve(options.folderPath(), !options.dryRun());

        int parallel = grafana.client().settings().parallel();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, dashboards.size())), r -> {
            Thread t = new Thread(r, "dash-import");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        int every = Math.max(1, dashboards.size() / 10);
        try {
            List<Future<ImportResult>> futures = new ArrayList<>();
            for (DashboardDocument d : dashboards) {
                futures.add(pool.submit(() -> {
                    ImportResult r = importOne(d, folder, options);
                    int n = done.incrementAndGet();
                    if (dashboards.size() >= 10 && (n % every == 0 || n == dashboards.size())) {
                        progress.accept((options.dryRun() ? "checked " : "imported ") + n + "/" + dashboards.size());
                    }
                    return r;
                }));
            }
            List<ImportResult> results = new ArrayList<>();
            for (Future<ImportResult> f : futures) {
                results.add(f.get());
            }
            return new ImportReport(results, folder, options.dryRun(), validation, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DashException.remote("interrupted while importing.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ImportResult importOne(DashboardDocument d, FolderResolver.Resolution folder, Options options) {
        String folderName = folder != null ? folder.path() : "";
        try {
            Optional<LiveDashboard> live = grafana.read(d.uid());
            if (folder == null) {
                folderName = live.map(l -> l.folderTitle().isEmpty()
                                ? (l.folderUid().isEmpty() ? "(root)" : l.folderUid())
                                : l.folderTitle())
                        .orElse("(root)");
            }
            ObjectNode ours = Normalizer.normalize(d.classic());
            String targetFolderUid = folder != null
                    ? folder.uid()
                    : live.map(LiveDashboard::folderUid).orElse(null);
            ImportResult.Action action;
            List<Change> changes = List.of();
            if (live.isEmpty()) {
                action = ImportResult.Action.CREATE;
            } else {
                LiveDashboard l = live.get();
                // compared in one schema: a dashboard stored as v2 is compared through its classic form
                changes = l.dashboard() == null ? List.of() : DashboardDiff.compare(l.comparable(ours), l.dashboard());
                boolean moves = folder != null && !String.valueOf(folder.uid()).equals(l.folderUid());
                if (l.dashboard() != null && changes.isEmpty() && !moves) {
                    return new ImportResult(
                            d.uid(),
                            d.label(),
                            folderName,
                            ImportResult.Action.UNCHANGED,
                            l.version(),
                            absolute(l.url()),
                            List.of(),
                            null,
                            null);
                }
                if (l.manager() != null) {
                    // Grafana refuses (provisioning) or the manager would undo (Git Sync, Terraform) any save of ours
                    return options.dryRun()
                            ? new ImportResult(
                                    d.uid(),
                                    d.label(),
                                    folderName,
                                    ImportResult.Action.SKIP,
                                    l.version(),
                                    absolute(l.url()),
                                    changes,
                                    null,
                                    l.manager())
                            : new ImportResult(
                                    d.uid(),
                                    d.label(),
                                    folderName,
                                    ImportResult.Action.FAILED,
                                    null,
                                    absolute(l.url()),
                                    List.of(),
                                    l.manager().refusal(d.uid()),
                                    l.manager());
                }
                action = ImportResult.Action.UPDATE;
            }
            if (options.dryRun()) {
                return new ImportResult(
                        d.uid(),
                        d.label(),
                        folderName,
                        action,
                        live.map(LiveDashboard::version).orElse(null),
                        live.map(l -> absolute(l.url())).orElse(""),
                        changes,
                        null,
                        null);
            }
            SaveResult saved = saveOrRecognise(d.uid(), ours, live.orElse(null), targetFolderUid, options);
            return new ImportResult(
                    d.uid(),
                    d.label(),
                    folderName,
                    action,
                    saved.version(),
                    absolute(saved.url()),
                    changes,
                    null,
                    null);
        } catch (GrafanaApiException e) {
            if (e.failsTheRun()) {
                throw e;
            }
            String sentence = e.getMessage();
            if (e.httpStatus() == 404) {
                // reads answer 404 as "absent"; only the save can get here: its folder is gone
                sentence = "saving dashboard " + d.uid() + " failed: its folder " + folderName
                        + " no longer exists in Grafana ("
                        + e.httpStatus() + (e.apiMessage() == null ? "" : " \"" + e.apiMessage() + "\"")
                        + "); it was probably deleted during the import; run the import again to recreate it.";
            }
            return failed(d, folderName, sentence);
        } catch (DashException e) {
            return failed(d, folderName, e.getMessage());
        }
    }

    /**
     * Saves; on a conflict (legacy {@code version-mismatch} or {@code name-exists}, {@code /apis}
     * {@code Conflict} or {@code AlreadyExists}), reads Grafana's copy again: when it already is ours (in
     * the right folder), the save did happen — a retried request whose first answer was lost, or someone
     * saved the same content — and that is success, not a conflict.
     */
    private SaveResult saveOrRecognise(
            String uid, ObjectNode ours, LiveDashboard existing, String folderUid, Options options) {
        try {
            return grafana.save(ours, existing, folderUid, options.overwrite(), options.message(), options.schema());
        } catch (GrafanaApiException e) {
            boolean conflict = (e.httpStatus() == 409 || e.httpStatus() == 412)
                    && List.of("version-mismatch", "name-exists", "Conflict", "AlreadyExists")
                            .contains(e.apiStatus());
            if (!conflict) {
                throw e;
            }
            Optional<LiveDashboard> now = grafana.read(uid);
            if (now.isPresent()
                    && now.get().dashboard() != null
                    && DashboardDiff.equal(now.get().comparable(ours), now.get().dashboard())
                    && (folderUid == null ? "" : folderUid).equals(now.get().folderUid())) {
                return new SaveResult(uid, now.get().version(), now.get().url());
            }
            throw e;
        }
    }

    private static ImportResult failed(DashboardDocument d, String folder, String sentence) {
        return new ImportResult(
                d.uid(), d.label(), folder, ImportResult.Action.FAILED, null, "", List.of(), sentence, null);
    }

    /** Grafana answers with a path ({@code /d/uid/slug}, including any sub-path); make it a full URL. */
    private String absolute(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        okhttp3.HttpUrl resolved = grafana.client().settings().url().resolve(path);
        return resolved == null ? path : resolved.toString();
    }
}
