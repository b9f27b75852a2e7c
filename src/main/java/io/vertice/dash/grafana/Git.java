package io.vertice.dash.grafana;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two questions dash asks git, answered by running {@code git}: which commit is checked out
 * (for the import message) and whether a file has local changes (before pull overwrites it).
 * Outside a git work tree, or without git installed, the answers are "none" and "no".
 */
public final class Git {
    private Git() {}

    /** The short commit of HEAD in {@code dir}'s work tree, or null outside one. */
    public static String shortCommit(Path dir) {
        Output o = run(dir, "rev-parse", "--short", "HEAD");
        return o != null && o.exit == 0 && !o.text.isBlank() ? o.text.trim() : null;
    }

    /**
     * Whether {@code file} has changes not yet committed (modified, staged, or untracked) —
     * {@code git status --porcelain -- file} prints anything. False outside a work tree.
     */
    public static boolean hasLocalChanges(Path file) {
        Path abs = file.toAbsolutePath();
        Output o = run(
                abs.getParent(),
                "status",
                "--porcelain",
                "--",
                abs.getFileName().toString());
        return o != null && o.exit == 0 && !o.text.isBlank();
    }

    private record Output(int exit, String text) {}

    private static Output run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return new Output(p.exitValue(), text);
        } catch (IOException e) {
            return null; // git not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
