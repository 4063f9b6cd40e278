package no.overdosevarsel.ingest.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.ingest.alert.web.AlertRequestsForOthers;
import no.overdosevarsel.testinfra.RealInfrastructure;
import no.overdosevarsel.testinfra.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Production shape: the organisation's OpenID Connect provider issues the tokens (played by {@link TestIssuer}), the
 * embedded authorization server is off, and the provider's own claim and role names are mapped by configuration only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "overdosevarsel.identity.authorization-server.enabled=false",
            "overdosevarsel.identity.username-claim=email",
            "overdosevarsel.identity.roles-claim=groups",
            "overdosevarsel.identity.scope-claim=ov_regions",
            "overdosevarsel.identity.role-mapping.ov-koordinator=COORDINATOR",
            "overdosevarsel.identity.role-mapping.ov-godkjenner=APPROVER"
        })
@RealInfrastructure
class ExternalIssuerIntegrationTests {

    @LocalServerPort
    private int port;

    @Test
    void aProvidersTokenWithItsOwnClaimNamesActsAsACoordinatorInScope() {
        RestTestClient kari = bearer(token("kari@oslo.kommune.no", List.of("ov-koordinator", "ansatt"), "NO-03 NO-32"));

        kari.post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(AlertRequestsForOthers.valid("from the provider"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.createdBy")
                .isEqualTo("kari@oslo.kommune.no");

        Map<String, Object> elsewhere = AlertRequestsForOthers.valid("outside the scope");
        elsewhere.put("regions", List.of("5001"));
        kari.post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(elsewhere)
                .exchange()
                .expectStatus()
                .isForbidden();
        kari.get().uri("/api/admin/coordinators").exchange().expectStatus().isForbidden();
    }

    @Test
    void aTokenWithoutAMappedRoleMayNotUseTheApi() {
        bearer(token("guest@example.no", List.of("ansatt", "ADMIN-ish"), "NO"))
                .get()
                .uri("/api/alerts")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void ourOwnRoleNamesDoNotCountWhenTheProvidersAreMapped() {
        // Another application's "ADMIN" or "APPROVER" role at the same provider is not ours.
        bearer(token("kari@oslo.kommune.no", List.of("ADMIN", "APPROVER", "COORDINATOR"), "NO"))
                .get()
                .uri("/api/alerts")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aTokenTheProviderIssuedForAnotherApplicationIsRefused() {
        bearer(token("kari@oslo.kommune.no", List.of("ov-koordinator"), "NO", "some-other-api"))
                .get()
                .uri("/api/alerts")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aTokenThatNamesNobodyIsRefused() {
        Instant now = Instant.now();
        String nobody = TestIssuer.shared()
                .sign(new JWTClaimsSet.Builder()
                        .issuer(TestIssuer.shared().issuer())
                        .audience(TestIssuer.AUDIENCE)
                        .claim("groups", List.of("ov-koordinator"))
                        .claim("ov_regions", "NO")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                        .build());

        bearer(nobody).get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant then = Instant.now().minus(Duration.ofHours(2));
        String expired = TestIssuer.shared()
                .sign(new JWTClaimsSet.Builder()
                        .issuer(TestIssuer.shared().issuer())
                        .audience(TestIssuer.AUDIENCE)
                        .subject("kari")
                        .claim("email", "kari@oslo.kommune.no")
                        .claim("groups", List.of("ov-koordinator"))
                        .claim("ov_regions", "NO")
                        .issueTime(Date.from(then))
                        .expirationTime(Date.from(then.plus(Duration.ofMinutes(10))))
                        .build());

        bearer(expired).get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theEmbeddedAuthorizationServerIsOff() {
        RestTestClient anonymous = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();

        anonymous.get().uri("/oauth2/jwks").exchange().expectStatus().isUnauthorized();
        anonymous
                .get()
                .uri("/.well-known/openid-configuration")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private String token(String email, List<String> groups, String regions) {
        return token(email, groups, regions, TestIssuer.AUDIENCE);
    }

    private String token(String email, List<String> groups, String regions, String audience) {
        Instant now = Instant.now();
        return TestIssuer.shared()
                .sign(new JWTClaimsSet.Builder()
                        .issuer(TestIssuer.shared().issuer())
                        .audience(audience)
                        .subject(UUID.randomUUID().toString())
                        .claim("email", email)
                        .claim("groups", groups)
                        .claim("ov_regions", regions)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                        .build());
    }

    private RestTestClient bearer(String token) {
        return RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }
}
