package no.overdosevarsel.ingest.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic for the API, without sessions; health and info open to probes and load balancers; everything else
 * signed in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String API = "/api/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(API)
                        .hasRole(CoordinatorAccount.COORDINATOR)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless and JSON only: a cross-site form can neither carry a session nor post application/json.
                .csrf(csrf -> csrf.ignoringRequestMatchers(API))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService coordinatorAccounts(CoordinatorAccountProperties properties, PasswordEncoder encoder) {
        CoordinatorAccount account = CoordinatorAccount.from(properties);
        if (account.generated()) {
            log.warn(
                    "No password set for the built-in coordinator account (overdosevarsel.security.coordinator-password,"
                            + " env OVERDOSEVARSEL_SECURITY_COORDINATOR_PASSWORD). Generated one for this run only:"
                            + " username '{}', password '{}'",
                    account.username(),
                    account.password());
        }
        return new InMemoryUserDetailsManager(account.toUser(encoder));
    }
}
