package no.overdosevarsel.testinfra;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the organisation's OpenID Connect provider (HelseID, Entra ID, Keycloak — which tests cannot reach):
 * its discovery document and JWK set served by WireMock on loopback, and RS256 tokens signed with its key, shaped like
 * the tokens of alert-ingest's embedded authorization server ({@code preferred_username}, {@code roles},
 * {@code region_scope}). Apps under test verify them exactly as in production: through
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, which {@link RealInfrastructure} points here.
 */
public final class TestIssuer {

    /** The audience the apps require of access tokens ({@code overdosevarsel.identity.audience}). */
    public static final String AUDIENCE = "overdosevarsel-api";

    private static TestIssuer shared;

    private final WireMockServer server;
    private final RSAKey key;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        issuer = "http://127.0.0.1:" + server.port() + "/issuer";
        server.stubFor(get("/issuer/.well-known/openid-configuration")
                .willReturn(okJson("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(get("/issuer/jwks").willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-issuer-stop"));
    }

    /** The one issuer of this test JVM, started on first use. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    /** The issuer URI, as {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} expects it. */
    public String issuer() {
        return issuer;
    }

    /** A token valid for ten minutes for a person with these role names and region codes. */
    public String token(String username, Collection<String> roles, Collection<String> regionScope) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(username)
                .claim("preferred_username", username)
                .claim("roles", List.copyOf(roles))
                .claim("region_scope", List.copyOf(regionScope))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** Signs any claims with the issuer's key, for tests of expired or foreign tokens. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
