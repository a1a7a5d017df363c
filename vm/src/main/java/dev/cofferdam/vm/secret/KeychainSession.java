package dev.cofferdam.vm.secret;

import dev.cofferdam.vm.secret.dbus.SecretValue;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.freedesktop.dbus.DBusPath;

/**
 * The transport encryption of a Secret Service session, algorithm
 * {@code dh-ietf1024-sha256-aes128-cbc-pkcs7}: Diffie-Hellman over the 1024-bit MODP group of
 * RFC 2409 (second Oakley group), the shared secret through HKDF-SHA256 (no salt, no info) to an
 * AES-128 key, each value AES-CBC with PKCS#7 padding and a fresh IV. Secret values are thus
 * never in clear on the bus, even though the session bus is private to the user. Create with
 * {@link #offer()}, finish with {@link #agree(DBusPath, byte[])}. Not thread-safe (one per
 * conversation).
 */
final class KeychainSession {
    static final String ALGORITHM = "dh-ietf1024-sha256-aes128-cbc-pkcs7";
    private static final BigInteger PRIME = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6"
                    + "F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", 16);
    private static final BigInteger GENERATOR = BigInteger.TWO;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair pair;
    private DBusPath path;
    private SecretKeySpec key;

    private KeychainSession(KeyPair pair) {
        this.pair = pair;
    }

    /** @return a session with a fresh key pair, ready to send {@link #publicKey()} */
    static KeychainSession offer() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DH");
        g.initialize(new DHParameterSpec(PRIME, GENERATOR), RANDOM);
        return new KeychainSession(g.generateKeyPair());
    }

    /** @return our public value, unsigned big-endian */
    byte[] publicKey() {
        return unsigned(((DHPublicKey) pair.getPublic()).getY());
    }

    /** Derives the AES key from the service's public value. */
    void agree(DBusPath sessionPath, byte[] servicePublic) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("DH");
        ka.init(pair.getPrivate());
        ka.doPhase(KeyFactory.getInstance("DH").generatePublic(
                new DHPublicKeySpec(new BigInteger(1, servicePublic), PRIME, GENERATOR)), true);
        byte[] shared = ka.generateSecret();
        byte[] aes = hkdfSha256(shared, 16);
        Arrays.fill(shared, (byte) 0);
        this.key = new SecretKeySpec(aes, "AES");
        this.path = sessionPath;
    }

    /** @return the session object path */
    DBusPath path() {
        return path;
    }

    /** @return the value encrypted for the service */
    SecretValue seal(String value) throws GeneralSecurityException {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = c.doFinal(plain);
        Arrays.fill(plain, (byte) 0);
        return new SecretValue(path, iv, sealed, "text/plain; charset=utf8");
    }

    /** @return the clear value of a secret the service sent */
    String open(SecretValue secret) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(secret.parameters()));
        byte[] plain = c.doFinal(secret.value());
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plain));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new GeneralSecurityException("the keychain returned a value that is not UTF-8 text", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** RFC 5869 with SHA-256, an all-zero salt and empty info; {@code length} at most 32. */
    static byte[] hkdfSha256(byte[] ikm, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        Arrays.fill(prk, (byte) 0);
        byte[] okm = mac.doFinal(new byte[] {1});
        byte[] out = Arrays.copyOf(okm, length);
        Arrays.fill(okm, (byte) 0);
        return out;
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
