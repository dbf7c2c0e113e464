package dev.paas.build.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * The trust of JGit's HTTPS connections when an extra CA bundle is configured ({@code paas.build.extra-ca-file}, a
 * TLS-intercepting proxy): a server is trusted when the JDK's trust store or the bundle vouches for it. Applied per
 * fetch through a {@link TransportConfigCallback}, so nothing global changes.
 */
public final class ExtraCaTrust {

    private ExtraCaTrust() {
    }

    /** Trusts what the JDK trusts and the CAs of the PEM file {@code bundle}. */
    public static X509TrustManager jdkAnd(Path bundle) {
        return either(trusting(null), trusting(keyStoreOf(bundle)));
    }

    /** Configures JGit's HTTPS connections to trust with {@code trust}; other transports are left as they are. */
    public static TransportConfigCallback transports(X509TrustManager trust) {
        TrustingConnections connections = new TrustingConnections(trust);
        return transport -> {
            if (transport instanceof TransportHttp http) {
                http.setHttpConnectionFactory(connections);
            }
        };
    }

    /** Trusts a chain when {@code first} or, failing it, {@code second} does. */
    static X509TrustManager either(X509TrustManager first, X509TrustManager second) {
        return new EitherTrustManager(first, second);
    }

    /** The platform's default trust manager over {@code keyStore} ({@code null}: the JDK's own trust store). */
    static X509TrustManager trusting(KeyStore keyStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the JDK offers no X.509 trust manager"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    static KeyStore keyStoreOf(Path bundle) {
        try (InputStream in = Files.newInputStream(bundle)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("the extra CA bundle " + bundle + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("extra-ca-" + index++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the extra CA bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException refused) {
                try {
                    second.checkServerTrusted(chain, authType);
                } catch (CertificateException alsoRefused) {
                    refused.addSuppressed(alsoRefused);
                    throw refused;
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkClientTrusted(chain, authType);
            } catch (CertificateException refused) {
                second.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }

    /** JGit's JDK connections, with {@code trust} on every HTTPS connection that verifies certificates. */
    private static final class TrustingConnections implements HttpConnectionFactory2 {

        private final JDKHttpConnectionFactory jdk = new JDKHttpConnectionFactory();
        private final TrustManager[] trust;

        TrustingConnections(X509TrustManager trust) {
            this.trust = new TrustManager[] {trust};
        }

        @Override
        public HttpConnection create(URL url) throws IOException {
            return jdk.create(url);
        }

        @Override
        public HttpConnection create(URL url, Proxy proxy) throws IOException {
            return jdk.create(url, proxy);
        }

        @Override
        public GitSession newSession() {
            GitSession plain = jdk.newSession();
            return new GitSession() {
                @Override
                public HttpConnection configure(HttpConnection connection, boolean sslVerify)
                        throws IOException, GeneralSecurityException {
                    if (!sslVerify || !"https".equalsIgnoreCase(connection.getURL().getProtocol())) {
                        return plain.configure(connection, sslVerify);
                    }
                    connection.configure(null, trust, null);
                    return connection;
                }

                @Override
                public void close() {
                    plain.close();
                }
            };
        }
    }
}
