package no.overdosevarsel.platform.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a token's claims put the coordinator's name, roles and region scope. The defaults match the tokens of the
 * embedded authorization server in alert-ingest; an external provider (HelseID, Entra ID, Keycloak) is mapped here,
 * by configuration only.
 *
 * @param usernameClaim the claim naming the person or client, recorded in audit logs and compared for four eyes;
 *     {@code sub} when absent. With an external provider choose a claim the person cannot change (Entra ID: {@code oid}
 *     or {@code sub}; not {@code preferred_username}, which is editable there)
 * @param rolesClaim a claim holding a list (or space- or comma-separated string) of role names
 * @param scopeClaim a claim holding a list (or space- or comma-separated string) of region codes from the catalogue
 * @param roleMapping names the provider uses for our roles, e.g. {@code overdosevarsel-approver=APPROVER}. When set,
 *     only these names count (so another application's "admin" role is never ours); when empty, our own role names
 *     (exact case) are used, as the embedded authorization server writes them
 * @param audience the audience every access token must name; the embedded authorization server writes it, an external
 *     provider must be configured to (set it on the client or API registration there)
 */
@ConfigurationProperties("overdosevarsel.identity")
public record IdentityProperties(
        String usernameClaim, String rolesClaim, String scopeClaim, Map<String, Role> roleMapping, String audience) {

    public IdentityProperties {
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        scopeClaim = scopeClaim == null || scopeClaim.isBlank() ? "region_scope" : scopeClaim;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience;
    }

    public static final String DEFAULT_AUDIENCE = "overdosevarsel-api";
}
