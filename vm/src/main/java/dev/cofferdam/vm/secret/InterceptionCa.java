package dev.cofferdam.vm.secret;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-installation CA used to intercept TLS to credential hosts only. Its key
 * ({@code ca/ca.key}, 0600) and certificate ({@code ca/ca.pem}, to be trusted by guests) live in
 * the config directory. Leaf certificates (one SAN, 30 days) are minted on demand and cached per
 * host. Thread-safe.
 */
public final class InterceptionCa {
    private static final Logger LOG = LoggerFactory.getLogger(InterceptionCa.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final X509Certificate caCert;
    private final PrivateKey caKey;
    private final KeyPair leafKeys;
    private final Map<String, X509Certificate> leaves = new ConcurrentHashMap<>();

    private InterceptionCa(X509Certificate caCert, PrivateKey caKey) throws GeneralSecurityException {
        this.caCert = caCert;
        this.caKey = caKey;
        this.leafKeys = ecKeys();
    }

    /**
     * Loads the CA from {@code configDir/ca}, creating it on first use.
     *
     * @throws SecretException when it cannot be read or created
     */
    public static InterceptionCa loadOrCreate(Path configDir) throws SecretException {
        Path dir = configDir.resolve("ca");
        Path keyFile = dir.resolve("ca.key");
        Path certFile = dir.resolve("ca.pem");
        try {
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                        new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
                X509Certificate cert;
                try (var in = Files.newInputStream(certFile)) {
                    cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                }
                if (cert.getExtensionValue(Extension.subjectKeyIdentifier.getId()) != null) {
                    return new InterceptionCa(cert, key);
                }
                // Made by an earlier version without key identifiers, which strict verifiers (Python 3.13's
                // default context) refuse. Guests get the CA at every boot, so a new one costs nothing.
                LOG.info("replacing the interception CA in {}: it has no subject key identifier", dir);
            }
            KeyPair kp = ecKeys();
            X500Name name = new X500Name("CN=Cofferdam interception CA " + Long.toHexString(RANDOM.nextLong())
                    + ",O=Cofferdam");
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp.getPrivate());
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.write(keyFile, kp.getPrivate().getEncoded());
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(certFile, pem(cert));
            return new InterceptionCa(cert, kp.getPrivate());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SecretException("cannot load or create the interception CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return the CA certificate (install it in the guest's trust store) */
    public X509Certificate certificate() {
        return caCert;
    }

    /** @return the key of every leaf certificate */
    public PrivateKey leafKey() {
        return leafKeys.getPrivate();
    }

    /**
     * @param host a canonical host name
     * @return a leaf certificate for the host, signed by this CA (cached)
     * @throws SecretException when it cannot be minted
     */
    public X509Certificate leaf(String host) throws SecretException {
        X509Certificate c = leaves.get(host);
        if (c != null) {
            return c;
        }
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, new BigInteger(64, RANDOM),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name("CN=" + host), leafKeys.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            // Strict verifiers (OpenSSL's X509_STRICT, on by default in Python 3.13) want both identifiers.
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            b.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(caCert));
            b.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(leafKeys.getPublic()));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            c = sign(b, caKey);
            leaves.put(host, c);
            return c;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new SecretException("cannot mint a certificate for " + host + ": " + e.getMessage(), e);
        }
    }

    /** @return the CA certificate in PEM form */
    public String pem() throws SecretException {
        try {
            return pem(caCert);
        } catch (IOException e) {
            throw new SecretException("cannot encode the CA certificate", e);
        }
    }

    private static String pem(X509Certificate cert) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(cert);
        }
        return w.toString();
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }
}
