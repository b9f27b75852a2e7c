package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.DashException;
import io.vertice.dash.diff.Change;
import io.vertice.dash.diff.DashboardDiff;
import io.vertice.dash.diff.Normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Pushes dashboards to Grafana — the entry point of {@code dash import}.
 *
 * <p>Order of work: validation (when asked; errors stop everything), Grafana's health, the folder
 * path (created level by level before any dashboard), then every dashboard on a bounded worker pool:
 * read Grafana's copy, compare semantically, and save only when it differs (no version churn). Saves
 * carry the version read, so a concurrent edit in Grafana is a conflict rather than silently lost,
 * unless {@code overwrite}. One dashboard's failure does not stop the others.
 */
public final class Importer {
    private final GrafanaClient client;
    private final PreImportCheck check;
    private final Consumer<String> progress;

    /**
     * @param check    what --validate runs, or null without --validate
     * @param progress receives a progress line now and then when there are many dashboards
     */
    public Importer(GrafanaClient client, PreImportCheck check, Consumer<String> progress) {
        this.client = client;
        this.check = check;
        this.progress = progress;
    }

    /**
     * @param folderPath where to put the dashboards ({@code Cockpit/Consciousness}); null keeps an
     *                   existing dashboard's folder and puts new ones at the root
     * @param message    the version-history note
     * @param dryRun     decide and report, but write nothing (no folder, no dashboard)
     * @param overwrite  save even over a concurrent change or a same-named dashboard
     */
    public record Options(String folderPath, String message, boolean dryRun, boolean overwrite) {
    }

    public ImportReport run(List<DashboardDocument> dashboards, Options options) {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (DashboardDocument d : dashboards) {
            if (d.uid() == null || d.uid().isBlank()) {
                throw DashException.input(d.origin() + " has no uid; give every dashboard a stable uid so dash can find Grafana's copy.");
            }
            String before = seen.put(d.uid(), d.origin());
            if (before != null) {
                // two saves of one uid would race and overwrite each other
                throw DashException.input(before + " and " + d.origin() + " both have uid " + d.uid() + "; import one of them.");
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
        client.health();
        FolderResolver.Resolution folder = options.folderPath() == null ? null
                : new FolderResolver(client).resolve(options.folderPath(), !options.dryRun());

        int parallel = client.settings().parallel();
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
        Optional<LiveDashboard> live = Optional.empty();
        try {
            live = client.dashboard(d.uid());
            if (folder == null) {
                folderName = live.map(l -> l.folderTitle().isEmpty() ? "(root)" : l.folderTitle()).orElse("(root)");
            }
            ObjectNode ours = Normalizer.normalize(d.classic());
            String targetFolderUid = folder != null ? folder.uid() : live.map(LiveDashboard::folderUid).orElse(null);
            ImportResult.Action action;
            List<Change> changes = List.of();
            if (live.isEmpty()) {
                action = ImportResult.Action.CREATE;
                ours.putNull("id");
            } else {
                LiveDashboard l = live.get();
                changes = DashboardDiff.compare(ours, l.dashboard());
                boolean moves = folder != null && !String.valueOf(folder.uid()).equals(l.folderUid());
                if (changes.isEmpty() && !moves) {
                    return new ImportResult(d.uid(), d.label(), folderName, ImportResult.Action.UNCHANGED, l.version(),
                            absolute(l.url()), List.of(), null);
                }
                action = ImportResult.Action.UPDATE;
                // the version we read: Grafana refuses the save if someone changed it since (version-mismatch)
                ours.put("id", l.id());
                ours.put("version", l.version());
            }
            if (options.dryRun()) {
                return new ImportResult(d.uid(), d.label(), folderName, action,
                        live.map(LiveDashboard::version).orElse(null), live.map(l -> absolute(l.url())).orElse(""), changes, null);
            }
            SaveResult saved = saveOrRecognise(d.uid(), ours, targetFolderUid, options);
            return new ImportResult(d.uid(), d.label(), folderName, action, saved.version(), absolute(saved.url()), changes, null);
        } catch (GrafanaApiException e) {
            String sentence = e.getMessage();
            if (e.httpStatus() == 400 && live.isPresent() && live.get().provisioned()) {
                String file = live.get().provisionedExternalId();
                sentence = "dashboard " + d.uid() + " is provisioned from " + (file.isEmpty() ? "a file" : "the file " + file)
                        + " on the Grafana server, and Grafana refuses API changes to it (" + e.httpStatus() + " \"" + e.apiMessage()
                        + "\"); change that file instead (for ours: `dash export` writes monitoring/grafana/dashboards), or remove it from provisioning to manage it with dash import.";
            }
            if (e.httpStatus() == 404) {
                // reads answer 404 as "absent"; only the save can get here: its folder is gone
                sentence = "saving dashboard " + d.uid() + " failed: its folder " + folderName + " no longer exists in Grafana ("
                        + e.httpStatus() + (e.apiMessage() == null ? "" : " \"" + e.apiMessage() + "\"")
                        + "); it was probably deleted during the import; run the import again to recreate it.";
            }
            return failed(d, folderName, sentence);
        } catch (DashException e) {
            return failed(d, folderName, e.getMessage());
        }
    }

    /**
     * Saves; on a version-mismatch or name-exists conflict, reads Grafana's copy again: when it already
     * is ours (in the right folder), the save did happen — a retried request whose first answer was
     * lost, or someone saved the same content — and that is success, not a conflict.
     */
    private SaveResult saveOrRecognise(String uid, ObjectNode ours, String folderUid, Options options) {
        try {
            return client.save(ours, folderUid, options.overwrite(), options.message());
        } catch (GrafanaApiException e) {
            boolean conflict = (e.httpStatus() == 409 || e.httpStatus() == 412)
                    && ("version-mismatch".equals(e.apiStatus()) || "name-exists".equals(e.apiStatus()));
            if (!conflict) {
                throw e;
            }
            Optional<LiveDashboard> now = client.dashboard(uid);
            if (now.isPresent() && DashboardDiff.equal(ours, now.get().dashboard())
                    && (folderUid == null ? "" : folderUid).equals(now.get().folderUid())) {
                return new SaveResult(uid, now.get().version(), now.get().url());
            }
            throw e;
        }
    }

    private static ImportResult failed(DashboardDocument d, String folder, String sentence) {
        return new ImportResult(d.uid(), d.label(), folder, ImportResult.Action.FAILED, null, "", List.of(), sentence);
    }

    /** Grafana answers with a path ({@code /d/uid/slug}, including any sub-path); make it a full URL. */
    private String absolute(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        okhttp3.HttpUrl resolved = client.settings().url().resolve(path);
        return resolved == null ? path : resolved.toString();
    }
}
