package io.vertice.dash.json;

import java.nio.file.Path;

/** Test helper run in a child JVM: rewrites one file forever with alternating complete contents. */
public final class AtomicWriteLoop {
    public static final int SIZE = 4 * 1024 * 1024;

    private AtomicWriteLoop() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String a = "a".repeat(SIZE);
        String b = "b".repeat(SIZE);
        for (long i = 0; ; i++) {
            AtomicFiles.write(file, i % 2 == 0 ? a : b);
        }
    }
}
