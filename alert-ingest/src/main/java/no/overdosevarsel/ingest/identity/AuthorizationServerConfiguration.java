package no.overdosevarsel.ingest.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.platform.security.IdentityProperties;
import org.jspecify.annotations.Nullable;
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
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
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
        DelegatingPasswordEncoder delegate = new DelegatingPasswordEncoder(
                "bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(), ClientRegistrations.SHA256, new Sha256SecretEncoder()));
        return new PasswordEncoder() {
            @Override
            public @Nullable String encode(@Nullable CharSequence rawPassword) {
                return delegate.encode(rawPassword);
            }

            @Override
            public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
                return delegate.matches(rawPassword, encodedPassword);
            }

            /** API client secrets stay SHA-256 on purpose; never re-hash them to bcrypt after a sign-in. */
            @Override
            public boolean upgradeEncoding(@Nullable String encodedPassword) {
                return encodedPassword != null
                        && !encodedPassword.startsWith("{" + ClientRegistrations.SHA256 + "}")
                        && delegate.upgradeEncoding(encodedPassword);
            }
        };
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
                            new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
            return http.build();
        }

        /** Requests from a browser, not from a client library or curl that accepts anything. */
        private static MediaTypeRequestMatcher browsers() {
            MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
            html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
            return html;
        }

        /** Signing in with a local account's password: the only place alert-ingest keeps a session. */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http, AuthorizationServerProperties properties) throws Exception {
            SignInThrottle throttle = new SignInThrottle(properties.signInMaxFailures(), properties.signInLockPeriod());
            return http.securityMatcher("/login", "/logout")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .formLogin(form -> form.loginPage("/login").failureHandler(throttle))
                    .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                    .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")))
                    .build();
        }

        /**
         * The issuer is configured, never taken from the request: a Host header must not be able to rename it in the
         * discovery document (and send people to someone else's sign-in page).
         */
        @Bean
        AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
            if (!StringUtils.hasText(properties.issuer())) {
                throw new IllegalStateException("overdosevarsel.identity.authorization-server.issuer"
                        + " (OVERDOSEVARSEL_IDENTITY_ISSUER_URI) must be set to alert-ingest's public URL");
            }
            return AuthorizationServerSettings.builder()
                    .issuer(properties.issuer())
                    .build();
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
        CoordinatorClaims coordinatorClaims(
                CoordinatorAccounts accounts, ApiTokens tokens, IdentityProperties identity) {
            return new CoordinatorClaims(accounts, tokens, identity.audience());
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
            return new ImmutableJWKSet<>(new JWKSet(new SigningKeys(jdbc, transactions, clock).current()));
        }

        /**
         * alert-ingest verifies the tokens it issued with its own key, without a request to itself, as strictly as the
         * other apps do: its issuer, the apps' audience, and the time.
         */
        @Bean
        JwtDecoder jwtDecoder(
                JWKSource<SecurityContext> keys,
                AuthorizationServerProperties properties,
                IdentityProperties identity) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuer()),
                    new JwtClaimValidator<List<String>>(
                            JwtClaimNames.AUD,
                            audiences -> audiences != null && audiences.contains(identity.audience()))));
            return decoder;
        }
    }
}
