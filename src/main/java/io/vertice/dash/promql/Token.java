package io.vertice.dash.promql;

/**
 * The token the lexer last scanned: its kind and where it sits ({@code [start, end)} in the original
 * text). {@code number} is the value of a NUMBER (and of a DURATION, in seconds), {@code nanos} the length
 * of a DURATION; {@code text} is the decoded value of a STRING or the spelling of an IDENT or VAR;
 * {@code variable} is the index of the first Grafana variable reference inside the token, or -1. The
 * spelling of an IDENT or VAR is cut from the text only when asked for: keywords and operators are
 * compared in place, and most names never need a string.
 *
 * <p>A cursor, not a value: a {@link Lexer} refills the same instance for every token (one object per
 * token made the parser 20-25 % slower than the monolithic one), so a caller copies out what it needs
 * before asking for the next token.
 */
final class Token {

    enum Kind {
        EOF,
        NUMBER,
        DURATION,
        STRING,
        IDENT,
        LPAREN,
        RPAREN,
        LBRACE,
        LBRACKET,
        COMMA,
        AT,
        ADD,
        SUB,
        MUL,
        DIV,
        MOD,
        POW,
        EQLC,
        NEQ,
        LSS,
        GTR,
        LTE,
        GTE,
        EQL,
        /** A standalone Grafana variable reference, e.g. {@code $threshold}. */
        VAR
    }

    private final Lexer lexer;
    private Kind kind = Kind.EOF;
    private int start;
    private int end;
    private double number;
    private long nanos;
    private String text;
    private int variable = -1;

    Token(Lexer lexer) {
        this.lexer = lexer;
    }

    /** Makes this the token {@code kind} at {@code [start, end)} without a value. */
    Token set(Kind kind, int start, int end) {
        return set(kind, start, end, 0, 0, null, -1);
    }

    Token set(Kind kind, int start, int end, double number, long nanos, String text, int variable) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.number = number;
        this.nanos = nanos;
        this.text = text;
        this.variable = variable;
        return this;
    }

    Kind kind() {
        return kind;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    double number() {
        return number;
    }

    long nanos() {
        return nanos;
    }

    String text() {
        if (text == null && (kind == Kind.IDENT || kind == Kind.VAR)) {
            text = lexer.text(start, end);
        }
        return text;
    }

    int variable() {
        return variable;
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean hasVariable() {
        return variable >= 0;
    }

    int length() {
        return end - start;
    }

    /** The binary operator this token spells (keywords case-insensitively), or null. */
    BinaryOp binaryOp() {
        return switch (kind) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            case EQLC -> BinaryOp.EQL;
            case NEQ -> BinaryOp.NEQ;
            case LSS -> BinaryOp.LSS;
            case GTR -> BinaryOp.GTR;
            case LTE -> BinaryOp.LTE;
            case GTE -> BinaryOp.GTE;
            case IDENT -> {
                if (length() < 2 || length() > 7 || hasVariable()) {
                    yield null;
                }
                if (isWord("and")) {
                    yield BinaryOp.AND;
                }
                if (isWord("or")) {
                    yield BinaryOp.OR;
                }
                if (isWord("unless")) {
                    yield BinaryOp.UNLESS;
                }
                if (isWord("atan2")) {
                    yield BinaryOp.ATAN2;
                }
                if (isWord("if")) {
                    yield BinaryOp.IF;
                }
                if (isWord("ifnot")) {
                    yield BinaryOp.IFNOT;
                }
                yield isWord("default") ? BinaryOp.DEFAULT : null;
            }
            default -> null;
        };
    }

    /** Whether this is the identifier {@code lower}, compared case-insensitively (keywords are ASCII). */
    boolean isWord(String lower) {
        if (kind != Kind.IDENT || end - start != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lexer.at(start + i);
            char l = lower.charAt(i);
            // (c | 0x20) lowers an ASCII capital; it never turns another character into a lower-case letter or '_'
            if (c != l && (c | 0x20) != l) {
                return false;
            }
        }
        return true;
    }
}
