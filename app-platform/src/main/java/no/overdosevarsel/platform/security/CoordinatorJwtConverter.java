package no.overdosevarsel.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified JWT into a {@link CoordinatorAuthentication}: roles become {@code ROLE_*} authorities for URL rules
 * (only our own role names, or only the configured mapping),
 * region codes are checked against the catalogue (unknown codes are dropped, so a typo narrows a scope, never widens
 * it), and a token without a name gets its subject as name.
 */
public final class CoordinatorJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorJwtConverter.class);

    private final IdentityProperties properties;
    private final RegionCatalogue catalogue;
    private final Map<String, Role> roleNames;

    public CoordinatorJwtConverter(IdentityProperties properties, RegionCatalogue catalogue) {
        this.properties = properties;
        this.catalogue = catalogue;
        Map<String, Role> names = new TreeMap<>();
        if (properties.roleMapping().isEmpty()) {
            for (Role role : Role.values()) {
                names.put(role.name(), role);
            }
        } else {
            names.putAll(properties.roleMapping());
        }
        this.roleNames = names;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Coordinator coordinator = coordinator(jwt);
        return new CoordinatorAuthentication(jwt, authorities(coordinator), coordinator);
    }

    /** The coordinator a token describes. */
    public Coordinator coordinator(Jwt jwt) {
        String name = jwt.getClaimAsString(properties.usernameClaim());
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        if (name == null || name.isBlank()) {
            // Nobody to record in the audit log or to tell apart for four eyes: not a coordinator.
            throw new InvalidBearerTokenException("the token names nobody");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(jwt.getClaims().get(properties.rolesClaim()))) {
            Role role = roleNames.get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        List<String> scope = new ArrayList<>();
        for (String code : values(jwt.getClaims().get(properties.scopeClaim()))) {
            Region region = catalogue.find(code).orElse(null);
            if (region == null) {
                log.debug("Token for {} names region {} which is not in the catalogue; ignored", name, code);
            } else if (!scope.contains(region.code())) {
                scope.add(region.code());
            }
        }
        return new Coordinator(name, roles, scope);
    }

    private static Collection<GrantedAuthority> authorities(Coordinator coordinator) {
        return coordinator.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    private static List<String> values(@Nullable Object claim) {
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).map(String::strip).toList();
        }
        if (claim instanceof String text) {
            return Arrays.stream(text.split("[\\s,]+"))
                    .filter(value -> !value.isEmpty())
                    .toList();
        }
        return List.of();
    }
}
