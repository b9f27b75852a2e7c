package io.vertice.dash.http;

import io.vertice.dash.DashException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A user-given server URL split into where (never printed with credentials) and the credentials its userinfo
 * held ({@code http://user:pw@host}), which are then sent as basic auth instead of being dropped or printed.
 *
 * @param url      the URL without userinfo and without trailing slashes
 * @param user     the user from the userinfo, or null
 * @param password the password from the userinfo, or null
 */
public record RemoteUrl(HttpUrl url, String user, String password) {

    /**
     * Parses a URL given with {@code option} (for the sentence when it is not http(s)); registers its password
     * with {@link Secrets}.
     */
    public static RemoteUrl parse(String text, String option) {
        String u = text == null ? "" : text.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        HttpUrl parsed = HttpUrl.parse(u);
        if (parsed == null) {
            throw DashException.input("The " + option + " URL \"" + redact(text)
                    + "\" is not an http(s) URL; pass e.g. http://localhost:9090.");
        }
        String user = parsed.username().isEmpty() ? null : parsed.username();
        String password = parsed.password().isEmpty() ? null : parsed.password();
        Secrets.registerBasic(user, password);
        Secrets.register(parsed.encodedPassword());
        return new RemoteUrl(parsed.newBuilder().username("").password("").build(), user, password);
    }

    /** Whether the URL carried credentials. */
    public boolean hasCredentials() {
        return user != null || password != null;
    }

    /** The URL as text, without userinfo and trailing slash. */
    public String text() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Any URL-like text with its userinfo replaced by {@code ***}, for messages about input that did not parse. */
    public static String redact(String text) {
        return text == null ? "" : text.replaceAll("//[^/@\\s]*@", "//***@");
    }

    /**
     * Refuses to send a secret over plain http to another machine, where anyone on the path could read it.
     * Loopback is fine (nothing leaves the host); anything else needs the explicit {@code allowFlag}.
     *
     * @param what the secret, for the sentence ("the Prometheus token")
     */
    public static void checkTransportSafety(HttpUrl url, String what, boolean allowed, String allowFlag) {
        if (what != null && !url.isHttps() && !allowed && !isLoopback(url.host())) {
            throw DashException.input("refusing to send " + what + " over plain http to " + url.host()
                    + ", where anyone on the network could read it; use an https:// URL, or pass " + allowFlag
                    + " if this network is trusted.");
        }
    }

    /** localhost or a literal loopback address; host names are not resolved (no DNS lookup needed). */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
