package io.vertice.dash.json;

import io.vertice.dash.DashException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading text files with one sentence for every way it can fail: missing, a directory, permission
 * denied, too large, or not UTF-8 (naming the first invalid byte by line and column, which is what
 * someone who opened a binary or Latin-1 file by mistake needs to see).
 */
public final class TextFiles {
    /** Far above any dashboard (the largest of the 205-file corpus is 0.4 MB); a bound keeps memory bounded. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private TextFiles() {}

    /** The file's UTF-8 text, or null when there is no such file; unreadable is one sentence (exit 2). */
    public static String readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return read(file);
    }

    /** The file's UTF-8 text; a missing, unreadable, oversized or non-UTF-8 file is one sentence (exit 2). */
    public static String read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw DashException.input(file + " is a directory, not a file.");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw DashException.input(
                        file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB; that is no dashboard.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw DashException.input(file + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw DashException.input(file + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw DashException.input(file + " cannot be read: " + e.getMessage() + ".", e);
        }
        return decode(bytes, file.toString());
    }

    /** Strict UTF-8 decoding: an invalid byte is one sentence naming it and its line and column. */
    public static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw DashException.input(source + " is not UTF-8 text (invalid byte "
                    + String.format(Locale.ROOT, "0x%02X", bytes[at] & 0xFF) + " at " + lineAndColumn(bytes, at)
                    + "); save it as UTF-8, or check that it is the file you meant.");
        }
        out.flip();
        String text = out.toString();
        // a byte-order mark is legal UTF-8 that JSON parsers reject; editors on Windows write one
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** "line L, column C" of a byte offset, counting characters (not bytes) on the line, from 1. */
    private static String lineAndColumn(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) { // not a continuation byte: a new character
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
