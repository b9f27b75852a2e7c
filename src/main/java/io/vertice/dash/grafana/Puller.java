package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.diff.Normalizer;
import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.json.AtomicFiles;
import io.vertice.dash.json.Json;
import io.vertice.dash.v2.DashboardConversion;
import io.vertice.dash.v2.SchemaVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fetches dashboards from Grafana as normalised JSON files — the entry point of {@code dash pull}.
 * Files are written byte-stable ({@link Json#write}) and atomically as {@code <uid>.json}; a file with
 * changes not yet committed to git is left alone unless {@code force}, so a pull never eats local work.
 * Each dashboard is read in its stored version and written in the schema asked for; a dashboard whose
 * conversion Grafana reports as failed, or which would lose what classic JSON cannot hold, is reported
 * and not written.
 */
public final class Puller {
    private final Dashboards grafana;

    public Puller(Dashboards grafana) {
        this.grafana = grafana;
    }

    /**
     * @param uids       dashboards by uid
     * @param folderPath dashboards directly in this folder path
     * @param tags       dashboards with all these tags
     * @param all        every dashboard (required when no other filter is given)
     * @param out        the directory to write into
     * @param force      overwrite files with uncommitted local changes
     * @param pageSize   search page size
     * @param schema     the form to write
     */
    public record Options(
            List<String> uids,
            String folderPath,
            List<String> tags,
            boolean all,
            Path out,
            boolean force,
            int pageSize,
            ExportSchema schema) {}

    /**
     * @param uid    the dashboard's uid
     * @param title  its title
     * @param file   the file written (or left alone)
     * @param status what happened
     * @param detail why it failed, or null
     */
    public record Result(String uid, String title, Path file, Status status, String detail) {}

    public enum Status {
        WRITTEN,
        UNCHANGED,
        KEPT_LOCAL_CHANGES,
        FAILED;

        public String word() {
            return switch (this) {
                case WRITTEN -> "written";
                case UNCHANGED -> "unchanged";
                case KEPT_LOCAL_CHANGES -> "kept (local changes)";
                case FAILED -> "failed";
            };
        }
    }

    /** The results, sorted by uid, and the exit code: 3 when any failed, 2 when local changes were kept, 0 otherwise. */
    public record Report(List<Result> results) {
        /** {@code 2 pulled (1 written, 1 unchanged), 1 kept (local changes), 1 failed}: each outcome counted apart, zeros left out. */
        public String summary() {
            long written = count(Status.WRITTEN);
            long unchanged = count(Status.UNCHANGED);
            String s = (written + unchanged) + " pulled"
                    + (written + unchanged == 0
                            ? ""
                            : " (" + (written > 0 ? written + " written" : "")
                                    + (written > 0 && unchanged > 0 ? ", " : "")
                                    + (unchanged > 0 ? unchanged + " unchanged" : "") + ")");
            if (count(Status.KEPT_LOCAL_CHANGES) > 0) {
                s += ", " + count(Status.KEPT_LOCAL_CHANGES) + " kept (local changes)";
            }
            if (count(Status.FAILED) > 0) {
                s += ", " + count(Status.FAILED) + " failed";
            }
            return s;
        }

        private long count(Status status) {
            return results.stream().filter(r -> r.status() == status).count();
        }

        public int exitCode() {
            if (results.stream().anyMatch(r -> r.status() == Status.FAILED)) {
                return ExitCodes.REMOTE;
            }
            return results.stream().anyMatch(r -> r.status() == Status.KEPT_LOCAL_CHANGES)
                    ? ExitCodes.USAGE
                    : ExitCodes.OK;
        }
    }

    /** One sentence (exit 2) when the options select nothing: a pull of everything must be asked for with --all. */
    public static void requireSelection(Options o) {
        if (!o.all() && o.uids().isEmpty() && o.folderPath() == null && o.tags().isEmpty()) {
            throw DashException.input(
                    "say which dashboards to pull: --uid, --folder, --tag, or --all for every dashboard.");
        }
    }

    public Report run(Options o) {
        requireSelection(o);
        List<String> folderUids = new ArrayList<>();
        if (o.folderPath() != null) {
            FolderResolver.Resolution r = new FolderResolver(grafana.folders()).resolve(o.folderPath(), false);
            if (r.uid() == null) {
                throw DashException.input("folder \"" + r.path() + "\" does not exist in Grafana at "
                        + grafana.client().settings().url() + "; check the path (levels separated by '/').");
            }
            folderUids.add(r.uid());
        }
        List<SearchHit> hits = grafana.search(new SearchQuery(o.uids(), folderUids, o.tags()), o.pageSize());
        List<SearchHit> unique = new ArrayList<>();
        // a server (or proxy) that ignores the uid filter answers with everything: keep only what was asked for
        hits.stream()
                .filter(h -> o.uids().isEmpty() || o.uids().contains(h.uid()))
                .filter(h -> unique.stream().noneMatch(u -> u.uid().equals(h.uid())))
                .forEach(unique::add);
        unique.sort((a, b) -> a.uid().compareTo(b.uid()));

        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(grafana.client().settings().parallel(), unique.size())), r -> {
                    Thread t = new Thread(r, "dash-pull");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (SearchHit h : unique) {
                futures.add(pool.submit(() -> pullOne(h, o)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get());
            }
            for (String uid : o.uids()) {
                if (unique.stream().noneMatch(h -> h.uid().equals(uid))) {
                    results.add(new Result(
                            uid,
                            "",
                            o.out().resolve(uid + ".json"),
                            Status.FAILED,
                            "Grafana has no dashboard with uid " + uid + " (or the service account may not read it)."));
                }
            }
            return new Report(List.copyOf(results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DashException.remote("interrupted while pulling.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Grafana's uids are letters, digits, '-' and '_'; anything else must not become a path. */
    private static final java.util.regex.Pattern SAFE_UID =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,39}");

    private Result pullOne(SearchHit hit, Options o) {
        if (!SAFE_UID.matcher(hit.uid()).matches()) {
            return new Result(
                    hit.uid(),
                    hit.title(),
                    o.out(),
                    Status.FAILED,
                    "uid \"" + hit.uid()
                            + "\" cannot be a file name; rename the dashboard's uid in Grafana to letters, digits, '-' and '_'.");
        }
        Path file = o.out().resolve(hit.uid() + ".json");
        try {
            Optional<LiveDashboard> live = grafana.read(hit.uid());
            if (live.isEmpty()) {
                return new Result(
                        hit.uid(),
                        hit.title(),
                        file,
                        Status.FAILED,
                        "dashboard " + hit.uid() + " was deleted while pulling.");
            }
            JsonNode content = o.schema() == ExportSchema.V2 ? v2File(live.get()) : classicFile(live.get());
            String text = Json.write(content);
            if (Files.exists(file)) {
                // bytes, not text: a local file that is not UTF-8 simply differs, and is replaced like any other
                if (java.util.Arrays.equals(Files.readAllBytes(file), text.getBytes(StandardCharsets.UTF_8))) {
                    return new Result(hit.uid(), hit.title(), file, Status.UNCHANGED, null);
                }
                if (!o.force() && Git.hasLocalChanges(file)) {
                    return new Result(
                            hit.uid(),
                            hit.title(),
                            file,
                            Status.KEPT_LOCAL_CHANGES,
                            file
                                    + " has changes not committed to git; commit or stash them, or pass --force to overwrite.");
                }
            }
            AtomicFiles.write(file, text);
            return new Result(hit.uid(), hit.title(), file, Status.WRITTEN, null);
        } catch (java.nio.file.AccessDeniedException e) {
            return new Result(
                    hit.uid(), hit.title(), file, Status.FAILED, file + " cannot be read: permission denied.");
        } catch (IOException e) {
            return new Result(
                    hit.uid(), hit.title(), file, Status.FAILED, file + " cannot be read: " + e.getMessage() + ".");
        } catch (GrafanaApiException e) {
            if (e.failsTheRun()) {
                throw e;
            }
            return new Result(hit.uid(), hit.title(), file, Status.FAILED, e.getMessage());
        } catch (DashException e) {
            return new Result(hit.uid(), hit.title(), file, Status.FAILED, e.getMessage());
        }
    }

    /** The classic model, normalised; one sentence instead when the dashboard has no faithful classic form. */
    private static JsonNode classicFile(LiveDashboard live) {
        if (live.stored() != null && live.stored().classicProblem() != null) {
            throw DashException.remote(
                    "dashboard " + live.uid() + " is stored as " + live.stored().version()
                            + " and classic JSON cannot hold all of it ("
                            + live.stored().classicProblem()
                            + "); nothing was written; pull it with --schema v2 to keep it whole.");
        }
        return Normalizer.normalize(live.dashboard());
    }

    /**
     * The v2 resource as dash writes it: apiVersion, kind, metadata.name (the uid) and spec, nothing server-owned;
     * the stored object's spec when stored as v2, else the classic dashboard converted by dash, unless the
     * conversion would drop something ({@link V2Features#v2Loss}).
     */
    private static JsonNode v2File(LiveDashboard live) {
        if (live.stored() != null && live.stored().isV2()) {
            ObjectNode stored = live.stored().object();
            SchemaVersion version =
                    SchemaVersion.ofApiVersion(stored.path("apiVersion").asText());
            ObjectNode out = DashboardConversion.resource(
                    live.uid(), (ObjectNode) stored.path("spec"), version == null ? SchemaVersion.V2 : version);
            if (version == null) {
                out.put("apiVersion", stored.path("apiVersion").asText());
            }
            return Json.canonical(out);
        }
        V2Features.v2Loss(live.dashboard()).ifPresent(loss -> {
            throw DashException.remote(
                    "dashboard " + live.uid() + ": " + loss + "; nothing was written; pull it with --schema classic.");
        });
        return Json.canonical(
                DashboardConversion.resource(live.uid(), DashboardConversion.toV2(live.dashboard()), SchemaVersion.V2));
    }
}
