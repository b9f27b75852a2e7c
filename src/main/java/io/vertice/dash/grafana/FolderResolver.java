package io.vertice.dash.grafana;

import io.vertice.dash.DashException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a folder path such as {@code Cockpit/Consciousness} level by level through the folders API
 * (the legacy {@code parentUid} or the {@code grafana.app/folder} annotation of {@code /apis}), optionally creating the missing levels. Creation happens before any dashboard
 * is pushed, so a dashboard never waits for (or lands outside) its folder. A 409 on creation means
 * another client created the folder meanwhile: the existing folder is used.
 */
public final class FolderResolver {
    private final FolderApi client;
    /** Listings already fetched during this resolution, by parent uid ("" for the root). */
    private final Map<String, List<Folder>> listed = new HashMap<>();

    FolderResolver(FolderApi client) {
        this.client = client;
    }

    /**
     * The outcome of resolving a path.
     *
     * @param path    the normalised path ({@code Cockpit/Consciousness})
     * @param uid     the innermost folder's uid; null when it does not exist (yet)
     * @param created the levels created (or, in a dry run, that would be created), outermost first
     */
    public record Resolution(String path, String uid, List<String> created) {}

    /** Splits and checks a path: segments separated by '/', none empty. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            String t = s.trim();
            if (t.isEmpty()) {
                throw DashException.input(
                        "--folder \"" + path
                                + "\" has an empty level; write levels separated by single slashes, like Cockpit/Consciousness.");
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Resolves {@code path}, creating missing levels when {@code create} is true; otherwise missing
     * levels are only reported in {@link Resolution#created()} and the uid is null.
     */
    public Resolution resolve(String path, boolean create) {
        List<String> levels = segments(path);
        String normalised = String.join("/", levels);
        List<String> created = new ArrayList<>();
        if (levels.size() > 1) {
            requireNestedFolders(normalised);
        }
        String parentUid = null;
        for (int i = 0; i < levels.size(); i++) {
            String title = levels.get(i);
            String here = String.join("/", levels.subList(0, i + 1));
            Optional<Folder> existing = find(title, parentUid, normalised);
            if (existing.isPresent()) {
                parentUid = existing.get().uid();
                continue;
            }
            if (!create) {
                created.add(here);
                for (int j = i + 1; j < levels.size(); j++) {
                    created.add(String.join("/", levels.subList(0, j + 1)));
                }
                return new Resolution(normalised, null, List.copyOf(created));
            }
            Folder made;
            boolean ours = true;
            try {
                made = client.createFolder(title, parentUid);
            } catch (GrafanaApiException e) {
                if (e.httpStatus() != 409) {
                    throw e;
                }
                // created by someone else between our look-up and our create: use theirs
                String parent = parentUid;
                listed.remove(parentUid == null ? "" : parentUid);
                ours = false;
                made = find(title, parentUid, normalised)
                        .orElseThrow(() -> DashException.remote(
                                "Grafana says folder \"" + here + "\" already exists (409) but does not list it under "
                                        + (parent == null ? "the root" : "its parent")
                                        + "; check that the service account may read it."));
            }
            // nested Grafana names the parent of a nested folder; one that ignored parentUid does not
            if (parentUid != null && !parentUid.equals(made.parentUid())) {
                throw noNestedFolders(normalised);
            }
            if (ours) {
                created.add(here);
            }
            parentUid = made.uid();
        }
        return new Resolution(normalised, parentUid, List.copyOf(created));
    }

    /**
     * Fails before anything is created when the server visibly ignores {@code parentUid}: listing the
     * children of a root folder then returns the root again, that folder included.
     */
    private void requireNestedFolders(String path) {
        List<Folder> root = listed.computeIfAbsent("", k -> client.folders(null));
        if (!root.isEmpty()) {
            find("", root.get(0).uid(), path);
        }
    }

    /**
     * The folder titled {@code title} directly under {@code parentUid}. A server without nested
     * folders ignores {@code parentUid} and lists the root, which then contains the parent itself:
     * that is how such a server is recognised, before anything is created in the wrong place.
     */
    private Optional<Folder> find(String title, String parentUid, String path) {
        List<Folder> children =
                listed.computeIfAbsent(parentUid == null ? "" : parentUid, k -> client.folders(parentUid));
        if (parentUid != null) {
            for (Folder f : children) {
                if (f.uid().equals(parentUid)
                        || (f.parentUid() != null && !f.parentUid().equals(parentUid))) {
                    throw noNestedFolders(path);
                }
            }
        }
        Optional<Folder> exact =
                children.stream().filter(f -> f.title().equals(title)).findFirst();
        return exact.isPresent()
                ? exact
                : children.stream()
                        .filter(f -> f.title().equalsIgnoreCase(title))
                        .findFirst();
    }

    private DashException noNestedFolders(String path) {
        return DashException.remote("Grafana at " + client.where() + " does not support nested folders, so --folder \""
                + path
                + "\" cannot be created; enable the nestedFolders feature toggle (Grafana 10) or upgrade to Grafana 11,"
                + " or use a single-level --folder.");
    }
}
