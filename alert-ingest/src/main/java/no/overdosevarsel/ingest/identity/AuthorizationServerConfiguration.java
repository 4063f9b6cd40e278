package no.overdosevarsel.ingest.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.Map;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The embedded authorization server: OAuth 2.1 and OpenID Connect endpoints ({@code /oauth2/*},
 * {@code /.well-known/openid-configuration}, {@code /userinfo}) and the sign-in page for local accounts. Its tokens are
 * verified by alert-ingest with the key itself, and by the other apps through the JWK set it publishes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthorizationServerProperties.class)
public class AuthorizationServerConfiguration {

    /** bcrypt for account passwords; SHA-256 for the 256-bit random secrets of API clients (see {@link ApiTokens}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "bcrypt", Map.of("bcrypt", bcrypt, ClientRegistrations.SHA256, new Sha256SecretEncoder()));
        return encoder;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(
            name = "overdosevarsel.identity.authorization-server.enabled",
            havingValue = "true",
            matchIfMissing = true)
    static class Embedded {

        /** The protocol endpoints. A browser that is not signed in is sent to the sign-in page. */
        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // The OpenID Connect user-info endpoint takes the access token it issued.
                    .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        /** Signing in with a local account's password: the only place alert-ingest keeps a session. */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.securityMatcher("/login", "/logout")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .formLogin(form -> form.loginPage("/login"))
                    .build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
            AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
            if (StringUtils.hasText(properties.issuer())) {
                settings.issuer(properties.issuer());
            }
            return settings.build();
        }

        @Bean
        RegisteredClientRepository registeredClientRepository(
                AuthorizationServerProperties properties, ApiTokens tokens) {
            return new ClientRegistrations(properties, tokens);
        }

        @Bean
        OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
            return new JdbcOAuth2AuthorizationService(jdbc, clients);
        }

        @Bean
        AuthorizationCleanup authorizationCleanup(JdbcClient jdbc, Clock clock) {
            return new AuthorizationCleanup(jdbc, clock);
        }

        @Bean
        CoordinatorClaims coordinatorClaims(CoordinatorAccounts accounts, ApiTokens tokens) {
            return new CoordinatorClaims(accounts, tokens);
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
            return new ImmutableJWKSet<>(new JWKSet(new SigningKeys(jdbc, transactions, clock).current()));
        }

        /** alert-ingest verifies the tokens it issued with its own key, without a request to itself. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }
    }
}
