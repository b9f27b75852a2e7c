package io.vertice.dash.promql;

/**
 * A PromQL syntax or type error at a position of the ORIGINAL text. {@link #getMessage()} is one
 * sentence with line and column; {@link #excerpt()} shows the source line with a caret under the column.
 */
public final class PromqlException extends RuntimeException {
    private static final int EXCERPT_WIDTH = 100;

    private final String message;
    private final int offset;
    private final int line;
    private final int column;
    private final String sourceLine;

    PromqlException(String message, int offset, int line, int column, String sourceLine) {
        super("line " + line + ", column " + column + ": " + message, null, false, false);
        this.message = message;
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }

    /** Builds the exception for a character offset of {@code original}. */
    static PromqlException at(String original, int offset, String message) {
        int o = Math.max(0, Math.min(offset, original.length()));
        int lineStart = original.lastIndexOf('\n', o - 1) + 1;
        int lineEnd = original.indexOf('\n', o);
        if (lineEnd < 0) {
            lineEnd = original.length();
        }
        Position pos = PromQL.lineColumn(original, o);
        return new PromqlException(message, o, pos.line(), pos.column(), original.substring(lineStart, lineEnd));
    }

    /** The problem alone, without position, e.g. {@code unexpected end of input}. */
    public String message() {
        return message;
    }

    /** Character offset in the original text. */
    public int offset() {
        return offset;
    }

    /** 1-based line in the original text. */
    public int line() {
        return line;
    }

    /** 1-based column (in characters) in the original text. */
    public int column() {
        return column;
    }

    /**
     * The offending source line and, below it, a caret under the column. Very long lines are cut to a
     * window around the column (marked with "...").
     */
    public String excerpt() {
        String text = sourceLine.replace('\t', ' ').replace('\r', ' ');
        int caret = column - 1;
        if (text.length() > EXCERPT_WIDTH) {
            int from = Math.max(0, caret - EXCERPT_WIDTH / 2);
            int to = Math.min(text.length(), from + EXCERPT_WIDTH);
            String prefix = from > 0 ? "..." : "";
            String suffix = to < text.length() ? "..." : "";
            text = prefix + text.substring(from, to) + suffix;
            caret = caret - from + prefix.length();
        }
        return text + "\n" + " ".repeat(Math.max(0, caret)) + "^";
    }
}
