package io.vertice.dash;

/** The exit codes of SPEC §4, in one place. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Findings: validation errors, drift, differences. */
    public static final int FINDINGS = 1;
    /** Usage or input error: bad flag, unreadable or malformed file. */
    public static final int USAGE = 2;
    /** A remote failed: unreachable, auth refused, server error after retries. */
    public static final int REMOTE = 3;
    /** An internal error: a bug in dash, never read as findings. */
    public static final int INTERNAL = 4;

    private ExitCodes() {}
}
