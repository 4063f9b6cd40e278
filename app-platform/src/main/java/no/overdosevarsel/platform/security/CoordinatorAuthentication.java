package no.overdosevarsel.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified JWT together with the coordinator its claims describe. */
public final class CoordinatorAuthentication extends JwtAuthenticationToken {

    private final Coordinator coordinator;

    CoordinatorAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Coordinator coordinator) {
        super(jwt, authorities, coordinator.username());
        this.coordinator = coordinator;
    }

    public Coordinator coordinator() {
        return coordinator;
    }
}
