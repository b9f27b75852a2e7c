package io.vertice.dash.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file as a Latin-1 editor saves it: <code>{"title"</code> then the byte 0xD4 at line 1, column 9. */
public final class NotUtf8 {
    /** What dash must say about it, after the file name. */
    public static final String SENTENCE =
            " is not UTF-8 text (invalid byte 0xD4 at line 1, column 9); save it as UTF-8, "
                    + "or check that it is the file you meant.";

    private NotUtf8() {}

    public static Path write(Path file) throws IOException {
        byte[] head = "{\"title\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = ": \"x\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xD4;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        return Files.write(file, all);
    }
}
