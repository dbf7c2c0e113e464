import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * Writes every certificate of a PEM bundle into a JKS trust store (password "changeit", as Debian's own; JKS needs no
 * password to read trusted certificates). Run by update-ca-certificates (hook paas-java-truststore), so that a bundle
 * of several CAs added under /usr/local/share/ca-certificates is trusted by Java in full: Debian's own hook imports
 * only the first certificate of each file.
 */
public final class PemTrustStore {

    public static void main(String[] args) throws Exception {
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        int count = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[0])))) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + count++, certificate);
            }
        }
        Path target = Path.of(args[1]);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            store.store(out, "changeit".toCharArray());
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(count + " certificates of " + args[0] + " trusted by Java (" + target + ")");
    }
}
