package io.vertice.dash.cli;

/**
 * Text from input (an expression, a line of a file) made safe to print on a terminal: control
 * characters are shown as escapes ({@code \t}, {@code \x1b}, {@code \u0085}), so input cannot move the
 * cursor, change colours or clear the screen.
 */
final class TerminalText {
    private TerminalText() {}

    /** {@code text} with every control character escaped. */
    static String escape(String text) {
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++; // the common case: nothing to escape, nothing allocated
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder sb = null;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            String esc = escapeOf(c);
            if (esc != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** The escape for a control character, or null for any other character. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static String escapeOf(char c) {
        if (!isControl(c)) {
            return null;
        }
        return switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }

    /** The first {@code limit} characters of {@code text} and how many more there are, when longer. */
    static String shorten(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, cut) + "… (" + (text.length() - cut) + " more characters; --verbose shows all)";
    }

    /**
     * A source line with a caret line under it (as {@code PromqlException.excerpt()} gives it), escaped,
     * with the caret moved right by what the escapes before it added.
     */
    static String escapeExcerpt(String excerpt) {
        int nl = excerpt.lastIndexOf('\n');
        if (nl < 0) {
            return escape(excerpt);
        }
        String source = excerpt.substring(0, nl);
        int caret = excerpt.length() - nl - 2; // spaces before '^'
        int shift = 0;
        for (int i = 0; i < Math.min(caret, source.length()); i++) {
            String esc = escapeOf(source.charAt(i));
            shift += esc == null ? 0 : esc.length() - 1;
        }
        return escape(source) + "\n" + " ".repeat(caret + shift) + "^";
    }
}
