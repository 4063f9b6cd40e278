package no.overdosevarsel.ingest.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issuer's RSA signing key, kept in the database so that tokens survive a restart and several instances sign with
 * the same key. Made once, under an advisory lock, by whichever instance starts first.
 */
final class SigningKeys {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    RSAKey current() {
        RSAKey key = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ingest.signing_keys'))")
                    .query()
                    .singleValue();
            return jdbc.sql("SELECT kid, private_key, public_key FROM signing_keys ORDER BY created_at DESC LIMIT 1")
                    .query((rs, n) ->
                            read(rs.getString("kid"), rs.getString("private_key"), rs.getString("public_key")))
                    .optional()
                    .orElseGet(this::create);
        });
        if (key == null) {
            throw new IllegalStateException("no signing key");
        }
        return key;
    }

    private RSAKey create() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Base64.Encoder base64 = Base64.getEncoder();
            jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key, created_at) VALUES (?, ?, ?, ?)")
                    .params(
                            key.getKeyID(),
                            base64.encodeToString(key.toRSAPrivateKey().getEncoded()),
                            base64.encodeToString(key.toRSAPublicKey().getEncoded()),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }

    private static RSAKey read(String kid, String privateKey, String publicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            return new RSAKey.Builder(
                            (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(publicKey))))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(privateKey))))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(kid)
                    .build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
        }
    }
}
