package io.vertice.dash.grafana;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;

/**
 * Grafana answered with an error. The message is already a sentence a user can act on; the fields
 * keep the raw answer for callers that branch on it (a 409 on folder creation, a 404 on lookup).
 */
public final class GrafanaApiException extends DashException {
    private final int httpStatus;
    private final String apiStatus;
    private final String apiMessage;

    public GrafanaApiException(int httpStatus, String apiStatus, String apiMessage, String sentence) {
        super(ExitCodes.REMOTE, sentence);
        this.httpStatus = httpStatus;
        this.apiStatus = apiStatus;
        this.apiMessage = apiMessage;
    }

    /** The HTTP status code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Grafana's {@code status} field ({@code version-mismatch}, {@code name-exists}...), or null. */
    public String apiStatus() {
        return apiStatus;
    }

    /**
     * Whether the failure concerns the whole run rather than one dashboard: refused credentials (401)
     * fail every request alike, so they are reported once and the run stops.
     */
    public boolean failsTheRun() {
        return httpStatus == 401;
    }

    /** Grafana's {@code message} field, or null. */
    public String apiMessage() {
        return apiMessage;
    }
}
