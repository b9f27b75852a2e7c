package io.vertice.dash.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An authenticating gateway in front of a Prometheus-compatible API, as Mimir's or a company's proxy is: every
 * request needs {@code Authorization: Bearer <token>} and {@code X-Scope-OrgID: <tenant>}, else 401 with a body
 * that echoes the Authorization header it got (as a careless proxy does). Passing requests are forwarded as
 * they are; every request is recorded (method, path, decoded parameters) for the test to inspect.
 */
public final class AuthGateway implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One request the gateway saw: method, path, and the decoded query or form parameters. */
    public record Seen(String method, String path, String params, boolean passed) {}

    private final HttpServer server;
    private final String upstream;
    private final String token;
    private final String tenant;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    private AuthGateway(String upstream, String token, String tenant) throws IOException {
        this.upstream = upstream;
        this.token = token;
        this.tenant = tenant;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public static AuthGateway inFrontOf(String upstream, String token, String tenant) {
        try {
            return new AuthGateway(upstream, token, tenant);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public void forget() {
        seen.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String org = ex.getRequestHeaders().getFirst("X-Scope-OrgID");
            byte[] body = ex.getRequestBody().readAllBytes();
            String query = ex.getRequestURI().getRawQuery();
            String params = URLDecoder.decode(
                    (query == null ? "" : query)
                            + (body.length == 0
                                    ? ""
                                    : (query == null ? "" : "&") + new String(body, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
            boolean ok = ("Bearer " + token).equals(auth) && tenant.equals(org);
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), params, ok));
            if (!ok) {
                byte[] out = ("401 Unauthorized: got Authorization='" + auth + "' X-Scope-OrgID='" + org + "'\n")
                        .getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(401, out.length);
                ex.getResponseBody().write(out);
                return;
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(
                            URI.create(upstream + ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                req.header("Content-Type", type);
            }
            req.method(
                    ex.getRequestMethod(),
                    body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders()
                    .set("Content-Type", v));
            ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            ex.getResponseBody().write(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
