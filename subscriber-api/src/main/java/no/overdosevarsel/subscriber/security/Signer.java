package no.overdosevarsel.subscriber.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the server's token secret. Every MAC is bound to a purpose, so that a MAC made for one use (a
 * verification code) is worthless for another (an unsubscribe token). Thread-safe.
 */
public final class Signer {

    /** Shorter keys than the hash output weaken HMAC-SHA256. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public Signer(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the token secret must have at least " + MIN_SECRET_BYTES + " bytes, it has " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The MAC of the value for this purpose; purposes are short constant names without a line break. */
    public byte[] mac(String purpose, String value) {
        if (purpose.isEmpty() || purpose.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a purpose is a non-empty name without a line break");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Compares two MACs in time independent of where they differ. */
    public static boolean same(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /** A URL-safe token carrying the value and its MAC: {@code base64url(value) "." base64url(mac)}. */
    public String sign(String purpose, String value) {
        return BASE64.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64.encodeToString(mac(purpose, value));
    }

    /** The value of a token made by {@link #sign} for this purpose; empty if it was not, or was altered. */
    public Optional<String> verify(String purpose, String token) {
        int dot = token.indexOf('.');
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        try {
            byte[] valueBytes = UNBASE64.decode(token.substring(0, dot));
            byte[] mac = UNBASE64.decode(token.substring(dot + 1));
            // Decoding ignores the padding bits of a last character: only the one canonical spelling is accepted,
            // so that a token cannot be varied into another string that still verifies.
            if (!BASE64.encodeToString(valueBytes).equals(token.substring(0, dot))
                    || !BASE64.encodeToString(mac).equals(token.substring(dot + 1))) {
                return Optional.empty();
            }
            String value = new String(valueBytes, StandardCharsets.UTF_8);
            return same(mac(purpose, value), mac) ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
