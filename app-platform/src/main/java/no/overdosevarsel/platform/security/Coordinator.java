package no.overdosevarsel.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.region.RegionLevel;

/**
 * A signed-in coordinator as the features see them: a name, roles, and a region scope.
 *
 * @param username the account name, recorded in the audit log and as the CAP sender
 * @param scope region codes in catalogue form; a code covers itself and, for {@code NO} or a county, everything in it
 */
public record Coordinator(String username, Set<Role> roles, List<String> scope) {

    public Coordinator {
        roles = Set.copyOf(roles);
        scope = List.copyOf(scope);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether every one of the regions lies within this coordinator's scope. Unknown codes are never covered. */
    public boolean covers(Collection<String> regions, RegionCatalogue catalogue) {
        return regions.stream().allMatch(region -> covers(region, catalogue));
    }

    public boolean covers(String regionCode, RegionCatalogue catalogue) {
        Region region = catalogue.find(regionCode).orElse(null);
        if (region == null) {
            return false;
        }
        for (String code : scope) {
            Region own = catalogue.find(code).orElse(null);
            if (own == null) {
                continue;
            }
            if (own.level() == RegionLevel.NATIONAL
                    || own.equals(region)
                    || (own.level() == RegionLevel.COUNTY && own.code().equals(region.countyCode()))) {
                return true;
            }
        }
        return false;
    }
}
