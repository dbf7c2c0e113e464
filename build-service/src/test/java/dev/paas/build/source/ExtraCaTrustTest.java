package dev.paas.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust of JGit's HTTPS connections: the JDK's CAs or the extra bundle's, with a real self-signed CA. */
class ExtraCaTrustTest {

    @TempDir
    static Path keys;

    static Path bundle;
    static X509Certificate proxyCa;

    /** A CA like a TLS-intercepting proxy's: self-signed, known to nobody but the extra bundle. */
    @BeforeAll
    static void makeACertificateAuthority() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = keys.resolve("ca.p12");
        bundle = keys.resolve("extra-ca.pem");
        run(keytool.toString(), "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=Test Proxy CA", "-ext", "bc:c", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass",
                "changeit", "-file", bundle.toString());
        try (InputStream in = Files.newInputStream(bundle)) {
            proxyCa = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void trustsTheExtraBundlesCaWhichTheJdkAloneRefuses() {
        X509Certificate[] chain = {proxyCa};

        assertThatThrownBy(() -> ExtraCaTrust.trusting(null).checkServerTrusted(chain, "RSA"))
                .isInstanceOf(CertificateException.class);
        assertThatCode(() -> ExtraCaTrust.jdkAnd(bundle).checkServerTrusted(chain, "RSA")).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheIssuersOfBoth() {
        X509Certificate[] jdk = ExtraCaTrust.trusting(null).getAcceptedIssuers();

        assertThat(ExtraCaTrust.jdkAnd(bundle).getAcceptedIssuers()).hasSize(jdk.length + 1).contains(proxyCa)
                .contains(jdk);
    }

    @Test
    void refusesWhatNeitherTrustsWithBothReasons() {
        X509TrustManager refusing = new Fixed(new CertificateException("first says no"));
        X509TrustManager alsoRefusing = new Fixed(new CertificateException("second says no"));

        assertThatThrownBy(() -> ExtraCaTrust.either(refusing, alsoRefusing).checkServerTrusted(new X509Certificate[]
                {proxyCa}, "RSA")).hasMessage("first says no")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("second says no"));
        assertThatCode(() -> ExtraCaTrust.either(refusing, new Fixed(null)).checkServerTrusted(
                new X509Certificate[] {proxyCa}, "RSA")).doesNotThrowAnyException();
        assertThatCode(() -> ExtraCaTrust.either(new Fixed(null), refusing).checkServerTrusted(
                new X509Certificate[] {proxyCa}, "RSA")).doesNotThrowAnyException();
    }

    @Test
    void refusesABundleWithoutCertificates() throws Exception {
        Path empty = Files.writeString(keys.resolve("empty.pem"), "");

        assertThatThrownBy(() -> ExtraCaTrust.jdkAnd(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("extra CA bundle " + empty);
    }

    @Test
    void configuresOnlyHttpTransports() throws Exception {
        try (Repository repository = FileRepositoryBuilder.create(keys.resolve("local.git").toFile());
                Transport https = Transport.open(repository, new URIish("https://example.com/acme/shop.git"))) {
            assertThat(https).isInstanceOf(TransportHttp.class);
            ExtraCaTrust.transports(ExtraCaTrust.jdkAnd(bundle)).configure(https);
            assertThat(((TransportHttp) https).getHttpConnectionFactory().getClass().getName())
                    .endsWith("TrustingConnections");
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    /** Trusts everything ({@code refusal == null}) or nothing. */
    private record Fixed(CertificateException refusal) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (refusal != null) {
                throw refusal;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
