package no.overdosevarsel.ingest.security;

import java.util.List;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.ingest.coordinator.Role;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP Basic against the local accounts in the database, or an API token ({@code Bearer ovt_…}) acting as one, without
 * sessions; health and info open to probes; concern
 * reports open to the public; account administration for ADMIN; everything else needs a coordinator role. Finer rules
 * (approver, region scope, four eyes) are the features' own.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String API = "/api/**";

    private static final String[] STAFF = {Role.COORDINATOR.name(), Role.APPROVER.name(), Role.ADMIN.name()};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, ApiTokens tokens)
            throws Exception {
        return http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/reports")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(API)
                        .hasAnyRole(STAFF)
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
        // bcrypt for new hashes, tagged {bcrypt} so that a stronger encoder can take over later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService coordinatorLogins(CoordinatorAccounts accounts) {
        return username -> accounts.credentials(username)
                .map(credentials -> User.withUsername(credentials.coordinator().username())
                        .password(credentials.passwordHash())
                        .roles(credentials.coordinator().roles().stream()
                                .map(Role::name)
                                .toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such enabled account"));
    }

    @Bean
    WebMvcConfigurer currentCoordinatorArgument(CurrentCoordinatorResolver resolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
