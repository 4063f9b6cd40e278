package no.overdosevarsel.contracts.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCatalogueTests {

    private final RegionCatalogue regions = RegionCatalogue.norway();

    @Test
    void holdsTheNationFifteenCountiesAndThreeHundredFiftySevenMunicipalities() {
        assertThat(regions.counties()).hasSize(15).allMatch(r -> r.level() == RegionLevel.COUNTY);
        assertThat(regions.municipalities()).hasSize(357).allMatch(r -> r.level() == RegionLevel.MUNICIPALITY);
        assertThat(regions.all()).hasSize(1 + 15 + 357).first().isEqualTo(regions.require("NO"));
    }

    @Test
    void countyCodesAreTheIsoCodesOfTheFifteenCounties() {
        assertThat(regions.counties())
                .extracting(Region::code)
                .containsExactly(
                        "NO-03", "NO-11", "NO-15", "NO-18", "NO-31", "NO-32", "NO-33", "NO-34", "NO-39", "NO-40",
                        "NO-42", "NO-46", "NO-50", "NO-55", "NO-56");
    }

    @Test
    void everyMunicipalityBelongsToExactlyOneCountyThatExists() {
        Map<String, Long> countiesPerMunicipality = regions.counties().stream()
                .flatMap(county -> regions.municipalitiesOf(county.code()).stream())
                .collect(Collectors.groupingBy(Region::code, Collectors.counting()));

        assertThat(countiesPerMunicipality)
                .hasSize(357)
                .allSatisfy((code, count) -> assertThat(count).as(code).isOne());
        assertThat(regions.municipalities()).allSatisfy(municipality -> {
            Region county = regions.require(municipality.countyCode());
            assertThat(county.level()).isEqualTo(RegionLevel.COUNTY);
            assertThat(regions.municipalitiesOf(county.code())).contains(municipality);
        });
    }

    @Test
    void everyCountyHasMunicipalities() {
        assertThat(regions.counties())
                .allSatisfy(county -> assertThat(regions.municipalitiesOf(county.code()))
                        .as(county.name())
                        .isNotEmpty());
        assertThat(regions.municipalitiesOf("NO-03")).extracting(Region::code).containsExactly("0301");
        assertThat(regions.municipalitiesOf("NO-46")).hasSize(43);
    }

    @Test
    void findsTheNationACountyAndAMunicipalityByCode() {
        assertThat(regions.require("NO")).isEqualTo(new Region("NO", "Norge", RegionLevel.NATIONAL, null));
        assertThat(regions.require("NO-03")).isEqualTo(new Region("NO-03", "Oslo", RegionLevel.COUNTY, null));
        assertThat(regions.require("0301")).isEqualTo(new Region("0301", "Oslo", RegionLevel.MUNICIPALITY, "NO-03"));
        assertThat(regions.require("5501").name()).isEqualTo("Tromsø");
        assertThat(regions.require("NO-46").name()).isEqualTo("Vestland");
    }

    @Test
    void acceptsLowerCaseAndSurroundingBlanksInCodes() {
        assertThat(regions.find("no-03")).contains(regions.require("NO-03"));
        assertThat(regions.find(" no ")).contains(regions.require("NO"));
        assertThat(regions.find("\t0301\n")).contains(regions.require("0301"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO-99", "9999", "", " ", "oslo", "NO-3", "301", "03", "NOR", "NO-0301"})
    void rejectsUnknownCodesWithAClearMessage(String code) {
        assertThat(regions.find(code)).isEmpty();
        assertThatThrownBy(() -> regions.require(code))
                .isInstanceOfSatisfying(
                        UnknownRegionException.class, e -> assertThat(e.code()).isEqualTo(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown region code '" + code
                        + "': use NO, a county code NO-03…NO-56 or a four-digit municipality number");
    }

    @Test
    void displayNameIsTheFullOfficialName() {
        assertThat(regions.displayName("5538")).isEqualTo("Storfjord - Omasvuotna - Omasvuono");
        assertThat(regions.displayName("no-15")).isEqualTo("Møre og Romsdal");
        assertThat(regions.displayName("NO")).isEqualTo("Norge");
        assertThatThrownBy(() -> regions.displayName("NO-99")).isInstanceOf(UnknownRegionException.class);
    }

    @Test
    void listsEveryOfficialFormOfAName() {
        assertThat(regions.require("5538").names()).containsExactly("Storfjord", "Omasvuotna", "Omasvuono");
        assertThat(regions.require("5001").names()).containsExactly("Trondheim", "Tråante");
        assertThat(regions.require("4601").names()).containsExactly("Bergen");
    }

    @Test
    void municipalitiesOfRejectsCodesThatAreNotCounties() {
        assertThatThrownBy(() -> regions.municipalitiesOf("NO-99")).isInstanceOf(UnknownRegionException.class);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> regions.municipalitiesOf("0301"))
                .withMessageContaining("not a county");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> regions.municipalitiesOf("NO"))
                .withMessageContaining("not a county");
    }

    @Test
    void codesAreUnique() {
        Map<String, Region> byCode =
                regions.all().stream().collect(Collectors.toMap(Region::code, Function.identity()));
        assertThat(byCode).hasSize(regions.all().size());
    }

    @Test
    void listsCannotBeChangedByCallers() {
        List<Region> municipalities = regions.municipalities();
        assertThatThrownBy(() -> municipalities.removeFirst()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> regions.overlapping("NO").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(regions.municipalities()).hasSize(357);
    }

    @Test
    void regionRejectsACodeThatContradictsItsLevelOrCounty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Region("0301", "Oslo", RegionLevel.MUNICIPALITY, "NO-46"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Region("NO-03", "Oslo", RegionLevel.MUNICIPALITY, "NO-03"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("0301", "Oslo", RegionLevel.COUNTY, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("NO", " ", RegionLevel.NATIONAL, null));
    }
}
