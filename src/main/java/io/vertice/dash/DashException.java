package io.vertice.dash;

/**
 * A failure the user can act on: one sentence, and the exit code it maps to.
 * Thrown anywhere below the CLI; the CLI prints the message (never a stack trace unless --verbose).
 */
public class DashException extends RuntimeException {
    private final int exitCode;

    public DashException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DashException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Usage or input error: bad flag, unreadable or malformed file (exit 2). */
    public static DashException input(String message) {
        return new DashException(ExitCodes.USAGE, message);
    }

    public static DashException input(String message, Throwable cause) {
        return new DashException(ExitCodes.USAGE, message, cause);
    }

    /** A remote failed: unreachable, auth refused, server error after retries (exit 3). */
    public static DashException remote(String message) {
        return new DashException(ExitCodes.REMOTE, message);
    }

    public static DashException remote(String message, Throwable cause) {
        return new DashException(ExitCodes.REMOTE, message, cause);
    }
}
