package io.vertice.dash.grafana;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legacy API's 406 for a dashboard stored as v2 (Grafana 12+, {@code pkg/api/dashboard.go}): "dashboard
 * api version not supported, use /apis/dashboard.grafana.app/&lt;version&gt;/namespaces/&lt;ns&gt;/dashboards/&lt;uid&gt;
 * instead". Not an error for dash: the caller switches to {@code /apis} with the version and namespace named.
 */
public final class StoredAsV2 extends DashException {
    private static final Pattern WHERE =
            Pattern.compile("/apis/dashboard\\.grafana\\.app/([A-Za-z0-9]+)/namespaces/([^/\\s]+)/dashboards/");

    private final String version;
    private final String namespace;

    private StoredAsV2(String uid, String version, String namespace) {
        super(ExitCodes.REMOTE, "dashboard " + uid + " is stored as " + version + "; the legacy API cannot serve it");
        this.version = version;
        this.namespace = namespace;
    }

    /** The 406 for {@code uid} with this message, or null when the message does not name /apis. */
    static StoredAsV2 parse(String uid, String message) {
        if (message == null) {
            return null;
        }
        Matcher m = WHERE.matcher(message);
        return m.find() ? new StoredAsV2(uid, m.group(1), m.group(2)) : null;
    }

    /** The version it is stored in, e.g. {@code v2beta1}. */
    public String version() {
        return version;
    }

    /** The namespace the message names, e.g. {@code default} or {@code stacks-5756}. */
    public String namespace() {
        return namespace;
    }
}
