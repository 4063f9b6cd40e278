package no.overdosevarsel.contracts.region;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A region an alert can be sent to and a subscriber can follow.
 *
 * @param code {@code NO} for the nation, {@code NO-03} … {@code NO-56} for a county (ISO 3166-2:NO), a four-digit
 *     municipality number such as {@code 0301}
 * @param name the full official name; a municipality with several official forms (Norwegian, Sámi, Kven) has them
 *     all, separated by {@code " - "}, e.g. "Storfjord - Omasvuotna - Omasvuono"
 * @param countyCode the county a municipality lies in, as a county region code ({@code NO-03}); null for the nation and
 *     for a county
 */
public record Region(
        String code,
        String name,
        RegionLevel level,
        @Nullable String countyCode) {

    /** The code of the national region. */
    public static final String NATIONAL_CODE = "NO";

    static final String NAME_FORM_SEPARATOR = " - ";

    private static final Pattern COUNTY_CODE = Pattern.compile("NO-\\d{2}");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{4}");

    public Region {
        if (name.isBlank()) {
            throw new IllegalArgumentException("region " + code + " needs a name");
        }
        // A region whose code, level and county disagree would make the overlap rule silently wrong.
        boolean consistent = switch (level) {
            case NATIONAL -> code.equals(NATIONAL_CODE) && countyCode == null;
            case COUNTY -> COUNTY_CODE.matcher(code).matches() && countyCode == null;
            case MUNICIPALITY ->
                MUNICIPALITY_CODE.matcher(code).matches()
                        && countyCode != null
                        && countyCode.equals(countyCodeOf(code));
        };
        if (!consistent) {
            throw new IllegalArgumentException(
                    "inconsistent region: code " + code + ", level " + level + ", county " + countyCode);
        }
    }

    /** Every official form of the name, in the catalogue's order: "Trondheim - Tråante" has two. */
    public List<String> names() {
        return List.of(name.split(Pattern.quote(NAME_FORM_SEPARATOR)));
    }

    /** A municipality number starts with the number of the county it was created in. */
    static String countyCodeOf(String municipalityCode) {
        return "NO-" + municipalityCode.substring(0, 2);
    }
}
