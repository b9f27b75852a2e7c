package io.vertice.dash.json;

import io.vertice.dash.DashException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading generated files back to compare them with what the code produces. */
public final class TextFiles {
    private TextFiles() {
    }

    /** The file's UTF-8 text, or null when there is no such file; unreadable is one sentence (exit 2). */
    public static String readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DashException.input("cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
