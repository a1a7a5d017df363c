package dev.cofferdam.vm.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interception CA and its leaves pass OpenSSL's strict checks (what Python 3.13 verifies with by default). */
class InterceptionCaTest {
    @TempDir
    Path dir;

    @Test
    void leavesVerifyUnderOpenSslX509Strict() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        InterceptionCa ca = InterceptionCa.loadOrCreate(dir.resolve("config"));
        X509Certificate leaf = ca.leaf("api.cofferdam.test");
        assertThat(leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        assertThat(ca.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        Path caPem = Files.writeString(dir.resolve("ca.pem"), ca.pem());
        Path leafPem = Files.writeString(dir.resolve("leaf.pem"), pem(leaf));
        Process p = new ProcessBuilder("openssl", "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile",
                caPem.toString(), leafPem.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains(": OK");
    }

    @Test
    void aCaWithoutKeyIdentifiersFromAnEarlierVersionIsReplaced() throws Exception {
        Path caDir = Files.createDirectories(dir.resolve("config/ca"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=old CA");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(86400)), name,
                kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        X509Certificate old = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        Files.write(caDir.resolve("ca.key"), kp.getPrivate().getEncoded());
        Files.writeString(caDir.resolve("ca.pem"), pem(old));

        InterceptionCa ca = InterceptionCa.loadOrCreate(dir.resolve("config"));
        assertThat(ca.certificate().getSubjectX500Principal().getName()).contains("CN=Cofferdam interception CA");
        assertThat(ca.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(Files.readString(caDir.resolve("ca.pem"))).isEqualTo(ca.pem());
        assertThat(InterceptionCa.loadOrCreate(dir.resolve("config")).certificate()).isEqualTo(ca.certificate());
    }

    private static String pem(X509Certificate c) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(c);
        }
        return w.toString();
    }
}
