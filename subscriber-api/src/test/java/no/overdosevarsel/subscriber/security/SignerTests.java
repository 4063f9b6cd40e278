package no.overdosevarsel.subscriber.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignerTests {

    private final Signer signer = signer("a test key that is long enough for HMAC-SHA256");

    @Test
    void aSignedTokenGivesBackItsValue() {
        String id = UUID.randomUUID().toString();

        String token = signer.sign("unsubscribe", id);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(signer.verify("unsubscribe", token)).contains(id);
    }

    @Test
    void aTokenIsWorthlessForAnotherPurposeOrUnderAnotherKey() {
        String token = signer.sign("unsubscribe", "subscriber-1");

        assertThat(signer.verify("manage", token)).isEmpty();
        assertThat(signer("another test key, also long enough for HMAC").verify("unsubscribe", token))
                .isEmpty();
    }

    @Test
    void anAlteredTokenIsRefused() {
        String token = signer.sign("unsubscribe", "subscriber-1");
        String otherValue = signer.sign("unsubscribe", "subscriber-2");
        String forged = otherValue.substring(0, otherValue.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(signer.verify("unsubscribe", forged)).isEmpty();
        assertThat(signer.verify("unsubscribe", token + "A")).isEmpty();
        assertThat(signer.verify("unsubscribe", "no-dot")).isEmpty();
        assertThat(signer.verify("unsubscribe", "a.b.c")).isEmpty();
        assertThat(signer.verify("unsubscribe", "!!.??")).isEmpty();
    }

    @Test
    void onlyTheCanonicalSpellingOfATokenVerifies() {
        String token = signer.sign("unsubscribe", "subscriber-1");
        // 32 MAC bytes take 43 base64 characters, the last of which has two bits that decoding ignores.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String varied = token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
        assertThat(java.util.Base64.getUrlDecoder().decode(varied.substring(varied.indexOf('.') + 1)))
                .as("the same MAC bytes")
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1)));

        assertThat(signer.verify("unsubscribe", varied)).isEmpty();
        assertThat(signer.verify("unsubscribe", token)).contains("subscriber-1");
    }

    @Test
    void macsDependOnPurposeAndValue() {
        assertThat(signer.mac("verification-code", "1:123456")).isEqualTo(signer.mac("verification-code", "1:123456"));
        assertThat(signer.mac("verification-code", "1:123456"))
                .isNotEqualTo(signer.mac("verification-code", "2:123456"));
        assertThat(signer.mac("verification-code", "1:123456")).isNotEqualTo(signer.mac("unsubscribe", "1:123456"));
    }

    @Test
    void refusesAShortKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> signer("too short"));
    }

    private static Signer signer(String secret) {
        return new Signer(secret.getBytes(StandardCharsets.UTF_8));
    }
}
