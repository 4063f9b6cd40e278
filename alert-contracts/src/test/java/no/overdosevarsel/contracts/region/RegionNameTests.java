package no.overdosevarsel.contracts.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionNameTests {

    private final RegionCatalogue regions = RegionCatalogue.norway();

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "tromso, 5501",
        "Tromsø, 5501",
        "TROMSØ, 5501",
        "Tromsoe, 5501",
        "TRÅANTE, 5001",
        "Trondheim, 5001",
        "bergen, 4601",
        "  Bergen  , 4601",
        "Bærum, 3201",
        "baerum, 3201",
        "Åsnes, 3418",
        "Aasnes, 3418",
        "Snåsa, 5041",
        "Snåase, 5041",
        "Kárášjohka, 5610",
        "karasjohka, 5610",
        "Karasjok, 5610",
        "Porsáŋgu, 5622",
        "porsangu, 5622",
        "Omasvuono, 5538",
        "nord fron, 3436",
        "Nord-Fron, 3436",
        "vestland, NO-46",
        "Møre og Romsdal, NO-15",
        "troms, NO-55",
        "Norge, NO",
        "Herøy (Nordland), 1818",
        "heroy nordland, 1818",
        "Våler (Innlandet), 3419"
    })
    void findsARegionByAnyOfficialFormOfItsNameHoweverItIsTyped(String name, String code) {
        assertThat(regions.findByName(name)).map(Region::code).contains(code);
    }

    @Test
    void aNameSharedByAMunicipalityAndItsCountyFindsTheMunicipality() {
        assertThat(regions.findByName("Oslo")).contains(regions.require("0301"));
        assertThat(regions.findByName("OSLO")).contains(regions.require("0301"));
    }

    @Test
    void aNameSharedByTwoMunicipalitiesFindsNeitherButSearchListsBoth() {
        assertThat(regions.findByName("Herøy")).isEmpty();
        assertThat(regions.findByName("Våler")).isEmpty();
        assertThat(regions.search("Herøy", 2)).extracting(Region::code).containsExactlyInAnyOrder("1515", "1818");
        assertThat(regions.search("valer", 2)).extracting(Region::code).containsExactlyInAnyOrder("3114", "3419");
    }

    @Test
    void unknownNamesFindNothing() {
        assertThat(regions.findByName("Atlantis")).isEmpty();
        assertThat(regions.findByName("")).isEmpty();
        assertThat(regions.findByName("Troms og Finnmark")).isEmpty();
        assertThat(regions.findByName("Tromsøya")).isEmpty();
    }

    @Test
    void foldingKeepsEveryNameDistinctExceptOslo() {
        Map<String, List<String>> codesByFoldedName = new HashMap<>();
        for (Region region : regions.all()) {
            for (String form : region.names()) {
                codesByFoldedName
                        .computeIfAbsent(NameFolding.fold(form), k -> new ArrayList<>())
                        .add(region.code());
            }
        }
        codesByFoldedName.values().removeIf(codes -> codes.size() == 1);
        assertThat(codesByFoldedName).containsOnlyKeys("oslo");
    }

    @Test
    void searchListsTownAndCountyForAMisspeltOrPartName() {
        assertThat(regions.search("Tromsoe", 5)).extracting(Region::code).startsWith("5501", "NO-55");
        assertThat(regions.search("Troms", 5)).extracting(Region::code).startsWith("NO-55", "5501");
    }

    @ParameterizedTest(name = "\"{0}\" suggests {1}")
    @CsvSource({
        "Trondhiem, 5001",
        "Bergn, 4601",
        "Stavangr, 1103",
        "Lillehamer, 3405",
        "Kristiansnd, 4204",
        "Nordreis, 5544",
        "Fredrikstad, 3107",
        "Hamerfest, 5603",
        "Kautokeno, 5612",
        "fron, 3436"
    })
    void searchSuggestsTheMeantRegionForATypingMistakeOrAPartOfTheName(String text, String code) {
        assertThat(regions.search(text, 5)).extracting(Region::code).contains(code);
    }

    @Test
    void searchPutsAnExactNameFirst() {
        assertThat(regions.search("Nes", 5)).first().extracting(Region::code).isEqualTo("3228");
        assertThat(regions.search("Oslo", 5)).extracting(Region::code).startsWith("0301", "NO-03");
    }

    @Test
    void searchRespectsTheLimitAndFindsNothingForNonsense() {
        assertThat(regions.search("s", 3)).hasSize(3);
        assertThat(regions.search("qqqqqqxz", 10)).isEmpty();
        assertThat(regions.search("  ", 10)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> regions.search("Oslo", 0));
    }

    @Test
    void searchListsEachRegionOnceEvenWhenSeveralOfItsNamesMatch() {
        assertThat(regions.search("Omasvuon", 10))
                .extracting(Region::code)
                .containsOnlyOnce("5538")
                .doesNotHaveDuplicates();
    }
}
