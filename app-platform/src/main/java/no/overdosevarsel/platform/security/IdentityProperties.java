package no.overdosevarsel.platform.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a token's claims put the coordinator's name, roles and region scope. The defaults match the tokens of the
 * embedded authorization server in alert-ingest; an external provider (HelseID, Entra ID, Keycloak) is mapped here,
 * by configuration only.
 *
 * @param usernameClaim the claim naming the person or client, recorded in audit logs; {@code sub} when absent
 * @param rolesClaim a claim holding a list (or space- or comma-separated string) of role names
 * @param scopeClaim a claim holding a list (or space- or comma-separated string) of region codes from the catalogue
 * @param roleMapping names the provider uses for our roles, e.g. {@code overdosevarsel-approver=APPROVER}; a value equal
 *     to a role's own name (any case) always maps to it
 */
@ConfigurationProperties("overdosevarsel.identity")
public record IdentityProperties(
        String usernameClaim, String rolesClaim, String scopeClaim, Map<String, Role> roleMapping) {

    public IdentityProperties {
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        scopeClaim = scopeClaim == null || scopeClaim.isBlank() ? "region_scope" : scopeClaim;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }

    public static IdentityProperties defaults() {
        return new IdentityProperties(null, null, null, null);
    }
}
