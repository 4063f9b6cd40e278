package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import no.overdosevarsel.testinfra.SignIn;
import no.overdosevarsel.testinfra.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class ApiSecurityIntegrationTests extends IngestIntegrationTestSupport {

    @Test
    void postingWithoutCredentialsIsAnUnauthorizedProblemAndStoresNothing() {
        long alertsBefore = count("alerts");

        anonymous()
                .post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"headline\":\"Uten innlogging\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"overdosevarsel\".*")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.type")
                .isEqualTo("https://overdosevarsel.no/problems/http-401")
                .jsonPath("$.title")
                .isEqualTo("Ikke innlogget")
                .jsonPath("$.detail")
                .isEqualTo("Logg inn for å bruke dette.");

        assertThat(count("alerts")).isEqualTo(alertsBefore);
    }

    @Test
    void theSignInPageIsInBokmalUnlessEnglishIsAskedFor() {
        String bokmal = anonymous()
                .get()
                .uri("/login?error")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(bokmal)
                .contains("<html lang=\"nb\">")
                .contains("<label for=\"username\">Brukernavn</label>")
                .contains("<label for=\"password\">Passord</label>")
                .contains("role=\"alert\">Feil brukernavn eller passord")
                .containsPattern("name=\"_csrf\" value=\"[^\"]+\"");

        String english = anonymous()
                .get()
                .uri("/login")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(english)
                .contains("<html lang=\"en\">")
                .contains("<button type=\"submit\">Sign in</button>")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        String json = SignIn.withPassword(baseUrl(), KARI, PASSWORD).json();
        String idToken = json.replaceAll("(?s).*\"id_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(idToken).as("signed in with openid").isNotEqualTo(json);

        anonymous()
                .get()
                .uri("/api/alerts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + idToken)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void issuedTokensCanBeIntrospectedAndRevokedAtTheAuthorizationServer() {
        Map<String, Object> issued = as(ADMIN)
                .post()
                .uri("/api/admin/coordinators/{u}/tokens", KARI)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "introspection test"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        String clientId = (String) issued.get("clientId");
        String secret = (String) issued.get("clientSecret");
        String token = SignIn.withClientCredentials(baseUrl(), clientId, secret).accessToken();
        RestTestClient client = anonymous()
                .mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(clientId, secret))
                .build();

        client.post()
                .uri("/oauth2/introspect")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("token=" + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(true);
        client.post()
                .uri("/oauth2/revoke")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("token=" + token)
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/oauth2/introspect")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("token=" + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);
    }

    @Test
    void theTokenEndpointAnswersAClientWithoutCredentialsWith401NotTheSignInPage() {
        anonymous()
                .post()
                .uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.ACCEPT, "*/*")
                .body("grant_type=client_credentials")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        as(KARI).get().uri("/actuator/metrics").exchange().expectStatus().isForbidden();
        as(ADMIN).get().uri("/actuator/metrics").exchange().expectStatus().isOk();
        as(ADMIN)
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("outbox_pending"));
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> SignIn.withPassword(baseUrl(), KARI, PASSWORD + "-wrong"))
                .hasMessageContaining("refused");
    }

    @Test
    void aTokenFromAnotherIssuerIsAnUnauthorizedProblemEvenForAnAlertThatDoesNotExist() {
        // Well-formed and signed, with every role and the whole country, but not by this app's issuer.
        String forged = TestIssuer.shared().token(KARI, List.of("COORDINATOR", "APPROVER", "ADMIN"), List.of("NO"));
        RestTestClient intruder = anonymous()
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(forged))
                .build();

        intruder.get()
                .uri("/api/alerts/{id}", UUID.randomUUID())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*error=\"invalid_token\".*")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Not signed in");
    }

    @Test
    void tokensCarryTheAccountsRolesAndScope() {
        String token = SignIn.withPassword(baseUrl(), KARI, PASSWORD).accessToken();
        String claims =
                new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);

        assertThat(claims)
                .contains("\"aud\":\"overdosevarsel-api\"")
                .contains("\"preferred_username\":\"kari\"")
                .contains("\"roles\":[\"COORDINATOR\"]")
                .contains("\"region_scope\":[\"NO-03\",\"NO-32\"]");
    }

    @Test
    void healthIsOpenToProbesWithoutCredentials() {
        anonymous()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        anonymous()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aCoordinatorWithoutTheAdminRoleCannotManageAccounts() {
        as(OLA).get()
                .uri("/api/admin/coordinators")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://overdosevarsel.no/problems/http-403");
    }

    @Test
    void theFirstAdministratorCreatesACoordinatorWhoCanSignIn() {
        String username = "new-" + UUID.randomUUID();

        as(ADMIN)
                .post()
                .uri("/api/admin/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        username,
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("COORDINATOR"),
                        "scope",
                        List.of("no-50", "0301")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.scope")
                .isEqualTo(List.of("NO-50", "0301"))
                .jsonPath("$.password")
                .doesNotExist();

        assertThat(jdbc.sql("SELECT password_hash FROM coordinators WHERE username = ?")
                        .param(username)
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}$2")
                .doesNotContain("a-long-enough-password");
        String token = SignIn.withPassword(baseUrl(), username, "a-long-enough-password")
                .accessToken();
        RestTestClient newcomer =
                anonymous().mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
        newcomer.get().uri("/api/alerts").exchange().expectStatus().isOk();

        as(ADMIN)
                .delete()
                .uri("/api/admin/coordinators/{u}", username)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThatThrownBy(() -> SignIn.withPassword(baseUrl(), username, "a-long-enough-password"))
                .as("a disabled account cannot sign in; a token it holds lapses within the access token lifetime")
                .hasMessageContaining("refused");
    }

    @Test
    void anAccountNeedsALongPasswordAndKnownRegions() {
        as(ADMIN)
                .post()
                .uri("/api/admin/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        "short",
                        "password",
                        "kort",
                        "roles",
                        List.of("COORDINATOR"),
                        "scope",
                        List.of("NO")))
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(ADMIN)
                .post()
                .uri("/api/admin/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        "nowhere",
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("COORDINATOR"),
                        "scope",
                        List.of("NO-99")))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(count("coordinators WHERE username IN ('short', 'nowhere')")).isZero();
    }

    @Test
    void metricsNeedCredentials() {
        anonymous().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
    }
}
