package io.vertice.dash.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret dash holds in this process (tokens, passwords, basic-auth values, secret headers), and the one
 * scrubber that removes them from text built from a server's answer. {@link RetryingClient} applies it to every
 * answer (status reason, body) and log line of every remote call, Grafana and Prometheus alike, so no message,
 * log line or report can carry a secret a careless proxy echoed back.
 *
 * <p>A secret is scrubbed in every form a server may echo it in: as given, with its {@code Bearer}/{@code Basic}
 * prefix, base64-encoded as basic auth sends it, URL-encoded, and JSON-escaped. Values shorter than
 * {@value #MIN_LENGTH} characters are not registered: scrubbing them would mangle ordinary words.
 */
public final class Secrets {
    /** What a secret becomes in output. */
    public static final String REDACTED = "<redacted>";

    static final int MIN_LENGTH = 4;
    /** Header names whose values are credentials whatever the remote. */
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "x-auth-token");

    private static final Set<String> FORMS = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private Secrets() {}

    /** Registers a secret (a token, a password, a header value); null and short values are ignored. */
    public static void register(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            return;
        }
        boolean added = false;
        for (String form : forms(secret)) {
            added |= form.length() >= MIN_LENGTH && FORMS.add(form);
        }
        if (added) {
            synchronized (Secrets.class) {
                List<String> sorted = new ArrayList<>(FORMS);
                sorted.sort(
                        Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
                longestFirst = List.copyOf(sorted);
            }
        }
    }

    /** Registers basic-auth credentials: the password, {@code user:password} and the header value built of them. */
    public static void registerBasic(String user, String password) {
        if (password == null) {
            return;
        }
        register(password);
        String pair = (user == null ? "" : user) + ":" + password;
        register(pair);
        register(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.ISO_8859_1)));
        register(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Registers the value of a request header when its name says it is a credential ({@code Authorization},
     * {@code Cookie}, an API key); for {@code Bearer}/{@code Basic} values also the token or the decoded password.
     */
    public static void registerHeader(String name, String value) {
        if (value == null || !SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        register(value);
        int space = value.indexOf(' ');
        if (space > 0) {
            String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
            String credential = value.substring(space + 1).trim();
            register(credential);
            if (scheme.equals("basic")) {
                try {
                    String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    registerBasic(
                            colon < 0 ? null : pair.substring(0, colon), colon < 0 ? pair : pair.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    // not base64: the value itself is registered already
                }
            }
        }
    }

    /** The text with every registered secret, in every form, replaced by {@value #REDACTED}; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String form : longestFirst) {
            if (out.contains(form)) {
                out = out.replace(form, REDACTED);
            }
        }
        return out;
    }

    private static List<String> forms(String secret) {
        List<String> out = new ArrayList<>();
        out.add(secret);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        out.add(url);
        out.add(url.replace("+", "%20"));
        out.add(secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        out.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));
        return out;
    }
}
