package no.overdosevarsel.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.junit.jupiter.api.Test;

class CoordinatorTests {

    private static final RegionCatalogue CATALOGUE = RegionCatalogue.norway();

    @Test
    void aKorusRegionCoversItsCountiesAndTheirMunicipalitiesOnly() {
        Coordinator korusMidt = new Coordinator("korus", Set.of(Role.APPROVER), List.of("NO-50", "NO-15"));

        assertThat(korusMidt.covers(List.of("NO-50", "5001", "1508"), CATALOGUE))
                .isTrue();
        assertThat(korusMidt.covers(List.of("5001", "0301"), CATALOGUE)).isFalse();
        assertThat(korusMidt.covers(List.of("NO"), CATALOGUE))
                .as("not the whole country")
                .isFalse();
    }

    @Test
    void theNationalScopeCoversEverythingAndAMunicipalityOnlyItself() {
        Coordinator national = new Coordinator("hdir", Set.of(Role.APPROVER), List.of("NO"));
        Coordinator oslo = new Coordinator("oslo", Set.of(Role.COORDINATOR), List.of("0301"));

        assertThat(national.covers(List.of("NO", "NO-03", "5001"), CATALOGUE)).isTrue();
        assertThat(oslo.covers(List.of("0301"), CATALOGUE)).isTrue();
        assertThat(oslo.covers(List.of("NO-03"), CATALOGUE))
                .as("not its county")
                .isFalse();
    }

    @Test
    void anUnknownRegionIsNeverCovered() {
        Coordinator national = new Coordinator("hdir", Set.of(Role.APPROVER), List.of("NO"));

        assertThat(national.covers(List.of("NO-99"), CATALOGUE)).isFalse();
    }
}
