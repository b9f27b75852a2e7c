package io.vertice.dash.http;

import java.io.IOException;

/**
 * No HTTP answer at all, after every attempt the {@link RetryPolicy} allowed (or at once for failures that
 * cannot get better: TLS, an unknown host). Checked so that every caller words its own one-sentence
 * {@code DashException}: only it knows which server and which option the user should check.
 */
public final class Unreachable extends Exception {
    private final int attempts;

    Unreachable(IOException cause, int attempts) {
        super(Secrets.scrub(cause.getMessage()), cause);
        this.attempts = attempts;
    }

    /** The last transport failure. */
    public IOException failure() {
        return (IOException) getCause();
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }
}
