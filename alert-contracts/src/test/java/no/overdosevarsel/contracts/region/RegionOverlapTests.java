package no.overdosevarsel.contracts.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionOverlapTests {

    private final RegionCatalogue regions = RegionCatalogue.norway();

    @Test
    void aMunicipalityAndItsOwnCountyOverlap() {
        assertThat(regions.overlaps("4601", "NO-46")).isTrue();
        assertThat(regions.overlaps("NO-46", "4601")).isTrue();
        assertThat(regions.overlaps("0301", "NO-03")).isTrue();
    }

    @Test
    void aMunicipalityAndAnotherCountyDoNotOverlap() {
        assertThat(regions.overlaps("4601", "NO-03")).isFalse();
        assertThat(regions.overlaps("NO-03", "4601")).isFalse();
        assertThat(regions.overlaps("5501", "NO-56")).isFalse();
    }

    @Test
    void twoDifferentCountiesDoNotOverlap() {
        assertThat(regions.overlaps("NO-46", "NO-03")).isFalse();
        assertThat(regions.overlaps("NO-55", "NO-56")).isFalse();
        assertThat(regions.overlaps("NO-46", "NO-46")).isTrue();
    }

    @Test
    void twoDifferentMunicipalitiesDoNotOverlapEvenInTheSameCounty() {
        assertThat(regions.overlaps("4601", "4602")).isFalse();
        assertThat(regions.overlaps("4601", "0301")).isFalse();
        assertThat(regions.overlaps("4601", "4601")).isTrue();
    }

    @Test
    void theNationOverlapsEveryRegionAtEveryLevel() {
        assertThat(regions.all()).allSatisfy(region -> {
            assertThat(regions.overlaps("NO", region.code())).as(region.code()).isTrue();
            assertThat(regions.overlaps(region.code(), "NO")).as(region.code()).isTrue();
        });
    }

    @Test
    void overlapIsSymmetricAndAgreesWithOverlappingAcrossTheWholeCatalogue() {
        for (Region a : regions.all()) {
            Set<String> reached = regions.overlapping(a.code());
            for (Region b : regions.all()) {
                boolean overlaps = regions.overlaps(a.code(), b.code());
                if (overlaps != regions.overlaps(b.code(), a.code()) || overlaps != reached.contains(b.code())) {
                    throw new AssertionError("overlap of " + a.code() + " and " + b.code() + " is inconsistent");
                }
            }
        }
    }

    @Test
    void overlapAcceptsCodesInAnyCase() {
        assertThat(regions.overlaps("no-46", " 4601 ")).isTrue();
    }

    @Test
    void aNationalAlertReachesEveryRegion() {
        assertThat(regions.overlapping("NO"))
                .hasSize(1 + 15 + 357)
                .containsAll(regions.all().stream().map(Region::code).toList());
    }

    @Test
    void aCountyAlertReachesTheCountyItsMunicipalitiesAndTheNation() {
        Set<String> reached = regions.overlapping("NO-46");

        assertThat(reached)
                .hasSize(1 + 1 + 43)
                .contains("NO", "NO-46", "4601", "4602")
                .doesNotContain("0301", "NO-03");
    }

    @Test
    void aMunicipalityAlertReachesTheMunicipalityItsCountyAndTheNation() {
        assertThat(regions.overlapping("4601")).containsExactlyInAnyOrder("4601", "NO-46", "NO");
        assertThat(regions.overlapping("0301")).containsExactlyInAnyOrder("0301", "NO-03", "NO");
    }

    @Test
    void overlappingGivesCanonicalCodes() {
        assertThat(regions.overlapping(" no-03 ")).containsExactlyInAnyOrder("NO-03", "0301", "NO");
    }

    @Test
    void anAlertForSeveralRegionsReachesTheUnionOfThem() {
        assertThat(regions.overlapping(List.of("0301", "4601")))
                .containsExactlyInAnyOrder("NO", "NO-03", "0301", "NO-46", "4601");
        assertThat(regions.overlapping(List.of("NO-03", "0301"))).containsExactlyInAnyOrder("NO", "NO-03", "0301");
        assertThat(regions.overlapping(List.of())).isEmpty();
    }

    @Test
    void overlapRejectsUnknownCodes() {
        assertThatThrownBy(() -> regions.overlaps("NO-99", "NO")).isInstanceOf(UnknownRegionException.class);
        assertThatThrownBy(() -> regions.overlaps("NO", "9999")).isInstanceOf(UnknownRegionException.class);
        assertThatThrownBy(() -> regions.overlapping("oslo"))
                .isInstanceOf(UnknownRegionException.class)
                .hasMessageContaining("'oslo'");
        assertThatThrownBy(() -> regions.overlapping(List.of("0301", "NO-99")))
                .isInstanceOfSatisfying(
                        UnknownRegionException.class, e -> assertThat(e.code()).isEqualTo("NO-99"));
    }
}
