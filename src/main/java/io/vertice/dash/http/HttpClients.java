package io.vertice.dash.http;

import io.vertice.dash.DashException;
import io.vertice.dash.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The one place dash builds OkHttp clients, so every remote (Grafana, Prometheus, an exporter) is spoken to
 * the same way: {@code User-Agent: dash/<version>}, the timeouts of a {@link RetryPolicy}, no silent
 * retries of OkHttp's own ({@link RetryingClient} is the only retry), never a redirect from https to http,
 * and optionally a custom CA or no certificate check at all.
 */
public final class HttpClients {
    private HttpClients() {}

    /** A builder with dash's defaults; callers add what is theirs (credentials, a pool size) and build. */
    public static OkHttpClient.Builder builder(RetryPolicy retry) {
        String userAgent = "dash/" + Version.get();
        return new OkHttpClient.Builder()
                .connectTimeout(retry.connectTimeout())
                .readTimeout(retry.readTimeout())
                .writeTimeout(retry.readTimeout())
                // our RetryPolicy is the only retry: OkHttp's silent one would double the attempts
                .retryOnConnectionFailure(false)
                // never follow https -> http, which would send credentials or queries in clear text
                .followSslRedirects(false)
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("User-Agent", userAgent)
                        .build()))
                .addNetworkInterceptor(HttpClients::hideImmediateRetryAfter);
    }

    /**
     * OkHttp repeats a 503 carrying {@code Retry-After: 0} once by itself, whatever {@code retryOnConnectionFailure}
     * says; hiding that header from it keeps {@link RetryPolicy} the only retry (a zero then means our normal backoff).
     */
    private static Response hideImmediateRetryAfter(Interceptor.Chain chain) throws IOException {
        Response r = chain.proceed(chain.request());
        String retryAfter = r.header("Retry-After");
        return r.code() == 503 && retryAfter != null && retryAfter.trim().matches("0+")
                ? r.newBuilder().removeHeader("Retry-After").build()
                : r;
    }

    /**
     * Sets whom the client trusts: any certificate and host name ({@code insecureSkipTlsVerify}, an explicit
     * opt-in for test setups), exactly the CAs in a PEM file ({@code caCert}), or else the system's CAs.
     */
    public static OkHttpClient.Builder trust(OkHttpClient.Builder b, Path caCert, boolean insecureSkipTlsVerify) {
        if (insecureSkipTlsVerify) {
            X509TrustManager trustAll = new TrustAll();
            b.sslSocketFactory(sslContext(trustAll).getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true);
        } else if (caCert != null) {
            X509TrustManager tm = trustManagerFor(caCert);
            b.sslSocketFactory(sslContext(tm).getSocketFactory(), tm);
        }
        return b;
    }

    /** Trusts exactly the certificates in a PEM file (like curl's --cacert). */
    static X509TrustManager trustManagerFor(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw DashException.input(
                        "--ca-cert " + pem + " holds no certificate; give a PEM file with the CA certificate(s).");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509TrustManager");
        } catch (IOException e) {
            throw DashException.input("--ca-cert " + pem + " cannot be read: " + e.getMessage() + ".", e);
        } catch (GeneralSecurityException e) {
            throw DashException.input(
                    "--ca-cert " + pem + " is not a PEM certificate file: " + e.getMessage() + ".", e);
        }
    }

    private static SSLContext sslContext(X509TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts any certificate: only behind the explicit --insecure-skip-tls-verify. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
