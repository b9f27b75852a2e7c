package io.vertice.dash.json;

import io.vertice.dash.DashException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a crash or kill never leaves a truncated or half-old file: the content goes
 * to a temporary file in the same directory, is forced to disk, then renamed over the target.
 */
public final class AtomicFiles {
    /** The temporary file of {@link #write}: {@code .<target name>.<random digits>.tmp}, as createTempFile names it. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.\\d+\\.tmp");

    private AtomicFiles() {}

    /**
     * The name of the file a temporary file of {@link #write} was for, when {@code file} is one: a writer
     * killed between creating and renaming it leaves it behind (the target itself is intact).
     */
    public static Optional<String> temporaryFileTarget(Path file) {
        Matcher m = TEMPORARY.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static void write(Path target, String content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            // temp files are created owner-only; the result should read like any other file
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw DashException.input(
                    "cannot write " + target + ": " + e.getMessage()
                            + "; check that the directory exists and is writable.",
                    e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target is untouched either way
                }
            }
        }
    }
}
