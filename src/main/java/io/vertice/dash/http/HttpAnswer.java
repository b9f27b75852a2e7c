package io.vertice.dash.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.json.Json;

/**
 * One HTTP answer, read fully: whatever its status, for the caller to word.
 *
 * @param code        HTTP status
 * @param reason      the status line's reason phrase (may be empty, e.g. over HTTP/2)
 * @param body        the body as text
 * @param contentType the Content-Type header, or null
 * @param attempts    how many attempts it took (1 when the first answer was final)
 */
public record HttpAnswer(int code, String reason, String body, String contentType, int attempts) {

    /** The body as JSON, or null when it is empty or not JSON. */
    public JsonNode json() {
        try {
            return body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** " after N attempts" when it took more than one, for failure sentences; else empty. */
    public String afterAttempts() {
        return attempts > 1 ? " after " + attempts + " attempts" : "";
    }
}
