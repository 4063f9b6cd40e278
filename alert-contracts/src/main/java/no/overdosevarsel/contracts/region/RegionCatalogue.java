package no.overdosevarsel.contracts.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every region of Norway an alert can be sent to: the nation, its 15 counties and 357 municipalities (2024 reform,
 * valid in 2026), and the rule that decides which subscribers an alert reaches. Immutable and safe to share between
 * threads.
 */
public final class RegionCatalogue {

    static final String NORWAY_RESOURCE = "norway-municipalities-2026.csv";

    private static final String CSV_HEADER = "municipality_code,municipality_name,county_code,county_name";

    private final List<Region> all;
    private final List<Region> counties;
    private final List<Region> municipalities;
    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> municipalitiesByCounty;
    private final Map<String, List<Region>> byFoldedName;
    private final Set<String> allCodes;

    /** Loaded on first use: most callers of this library never touch regions. */
    private static final class Norway {
        static final RegionCatalogue CATALOGUE = load(NORWAY_RESOURCE);
    }

    RegionCatalogue(Region national, List<Region> counties, List<Region> municipalities) {
        this.counties =
                counties.stream().sorted(Comparator.comparing(Region::code)).toList();
        this.municipalities = municipalities.stream()
                .sorted(Comparator.comparing(Region::code))
                .toList();
        List<Region> everything = new ArrayList<>();
        everything.add(national);
        everything.addAll(this.counties);
        everything.addAll(this.municipalities);
        this.all = List.copyOf(everything);

        Map<String, Region> codes = new LinkedHashMap<>();
        Map<String, List<Region>> names = new HashMap<>();
        for (Region region : all) {
            if (codes.put(region.code(), region) != null) {
                throw new IllegalArgumentException("region code " + region.code() + " appears twice");
            }
            for (String key : nameKeys(region)) {
                List<Region> sharing = names.computeIfAbsent(key, k -> new ArrayList<>());
                if (!sharing.contains(region)) {
                    sharing.add(region);
                }
            }
        }
        Map<String, List<Region>> byCounty = new TreeMap<>();
        for (Region county : this.counties) {
            byCounty.put(county.code(), new ArrayList<>());
        }
        for (Region municipality : this.municipalities) {
            List<Region> ofCounty = byCounty.get(municipality.countyCode());
            if (ofCounty == null) {
                throw new IllegalArgumentException("municipality " + municipality.code() + " lies in county "
                        + municipality.countyCode() + ", which is not in the catalogue");
            }
            ofCounty.add(municipality);
        }
        byCounty.replaceAll((county, list) -> List.copyOf(list));
        names.replaceAll((key, list) -> List.copyOf(list));
        this.byCode = Map.copyOf(codes);
        this.municipalitiesByCounty = Map.copyOf(byCounty);
        this.byFoldedName = Map.copyOf(names);
        this.allCodes = Collections.unmodifiableSet(new LinkedHashSet<>(codes.keySet()));
    }

    /** Norway's regions as of 2026, read once from the catalogue shipped in this jar. */
    public static RegionCatalogue norway() {
        return Norway.CATALOGUE;
    }

    /** The region with this code; surrounding blanks and lower case ("no-03") are accepted. */
    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The region with this code, as {@link #find(String)}; throws if there is none. */
    public Region require(String code) {
        return find(code).orElseThrow(() -> new UnknownRegionException(code));
    }

    /** The full name of the region with this code, e.g. "Oslo" for {@code 0301}. */
    public String displayName(String code) {
        return require(code).name();
    }

    /** The nation, then the counties, then the municipalities, each in code order. */
    public List<Region> all() {
        return all;
    }

    /** The counties in code order. */
    public List<Region> counties() {
        return counties;
    }

    /** The municipalities in code order. */
    public List<Region> municipalities() {
        return municipalities;
    }

    /**
     * The municipalities of one county, in code order.
     *
     * @throws UnknownRegionException if the code is unknown
     * @throws IllegalArgumentException if the code is not a county's
     */
    public List<Region> municipalitiesOf(String countyCode) {
        Region county = require(countyCode);
        if (county.level() != RegionLevel.COUNTY) {
            throw new IllegalArgumentException(
                    "'" + countyCode + "' is " + county.name() + ", not a county: use a county code NO-03…NO-56");
        }
        return municipalitiesByCounty.get(county.code());
    }

    /**
     * The region with this name, ignoring case, blanks, punctuation and diacritics: "tromso", "TROMSØ" and "Tromsoe" find
     * Tromsø, "TRÅANTE" finds Trondheim, "vestland" finds the county Vestland. Every official form of a name counts, as
     * does a duplicated name without its county in brackets ("Herøy" for "Herøy (Nordland)").
     *
     * <p>When a municipality and a county share a name, the municipality wins: "Oslo" is {@code 0301}, not
     * {@code NO-03}. People name the place they are in (an SMS keyword subscribes to a municipality), and the
     * municipality's alerts include the county's anyway. A name shared by several municipalities ("Herøy", "Våler")
     * finds nothing, since guessing would subscribe someone to the wrong end of the country; {@link #search} lists them.
     */
    public Optional<Region> findByName(String name) {
        List<Region> candidates = byFoldedName.getOrDefault(NameFolding.fold(name), List.of());
        for (RegionLevel level : List.of(RegionLevel.MUNICIPALITY, RegionLevel.COUNTY, RegionLevel.NATIONAL)) {
            List<Region> atLevel =
                    candidates.stream().filter(r -> r.level() == level).toList();
            if (!atLevel.isEmpty()) {
                return atLevel.size() == 1 ? Optional.of(atLevel.getFirst()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Regions whose name is close to the text, best first, for "did you mean" answers: an exact name, then names the
     * text begins, then names with a word the text begins ("fron" finds Nord-Fron and Sør-Fron), then names within a
     * few typing mistakes ("Trondhiem", "Tromsoe"). At equal closeness a municipality comes before a county.
     *
     * @param limit the most regions to return, at least 1
     */
    public List<Region> search(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String query = NameFolding.fold(text);
        if (query.isEmpty()) {
            return List.of();
        }
        Map<Region, Integer> best = new HashMap<>();
        byFoldedName.forEach((key, regions) -> {
            int score = closeness(query, key);
            if (score != NO_MATCH) {
                for (Region region : regions) {
                    best.merge(region, score, Math::min);
                }
            }
        });
        return best.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Region, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> levelRank(e.getKey()))
                        .thenComparing(e -> e.getKey().name().length())
                        .thenComparing(e -> e.getKey().code()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Whether an alert for one region reaches subscribers of the other: the nation overlaps everything, a county
     * overlaps itself and its municipalities, a municipality overlaps itself and its county. Symmetric.
     *
     * @throws UnknownRegionException if either code is unknown
     */
    public boolean overlaps(String a, String b) {
        Region first = require(a);
        Region second = require(b);
        if (first.equals(second) || first.level() == RegionLevel.NATIONAL || second.level() == RegionLevel.NATIONAL) {
            return true;
        }
        return first.code().equals(second.countyCode()) || second.code().equals(first.countyCode());
    }

    /**
     * The code of every region whose subscribers an alert for this region reaches: for a municipality itself, its county
     * and {@code NO}; for a county itself, its municipalities and {@code NO}; for {@code NO} every code. Codes are in
     * their canonical form ({@code NO-03}, not {@code no-03}).
     *
     * @throws UnknownRegionException if the code is unknown
     */
    public Set<String> overlapping(String alertRegion) {
        Region region = require(alertRegion);
        return switch (region.level()) {
            case NATIONAL -> allCodes;
            case COUNTY -> {
                Set<String> codes = new LinkedHashSet<>();
                codes.add(Region.NATIONAL_CODE);
                codes.add(region.code());
                municipalitiesByCounty.get(region.code()).forEach(m -> codes.add(m.code()));
                yield Collections.unmodifiableSet(codes);
            }
            case MUNICIPALITY ->
                Collections.unmodifiableSet(new LinkedHashSet<>(
                        List.of(Region.NATIONAL_CODE, Objects.requireNonNull(region.countyCode()), region.code())));
        };
    }

    /**
     * The union of {@link #overlapping(String)} over all of an alert's regions.
     *
     * @throws UnknownRegionException if any code is unknown
     */
    public Set<String> overlapping(Collection<String> alertRegions) {
        Set<String> codes = new LinkedHashSet<>();
        for (String alertRegion : alertRegions) {
            codes.addAll(overlapping(alertRegion));
        }
        return Collections.unmodifiableSet(codes);
    }

    private static final int NO_MATCH = Integer.MAX_VALUE;

    /** Lower is closer; {@link #NO_MATCH} for a name too far off to suggest. */
    private static int closeness(String query, String name) {
        if (name.equals(query)) {
            return 0;
        }
        if (name.startsWith(query)) {
            return 1;
        }
        if (name.contains(" " + query)) {
            return 2;
        }
        // Longer names forgive more mistakes; a short one with two would match half the country.
        int tolerance = query.length() <= 4 ? 1 : query.length() <= 8 ? 2 : 3;
        int whole = NameFolding.distance(query, name);
        if (whole <= tolerance) {
            return 10 + whole;
        }
        // A misspelt beginning of a longer name: "Kristiansnd" for Kristiansand, "Nordreis" for Nordreisa.
        if (query.length() >= 4) {
            int allowed = Math.max(1, tolerance - 1);
            int from = Math.max(1, query.length() - allowed);
            int to = Math.min(name.length() - 1, query.length() + allowed);
            int prefix = NO_MATCH;
            for (int length = from; length <= to; length++) {
                prefix = Math.min(prefix, NameFolding.distance(query, name.substring(0, length)));
            }
            if (prefix <= allowed) {
                return 20 + prefix;
            }
        }
        return NO_MATCH;
    }

    private static int levelRank(Region region) {
        return switch (region.level()) {
            case MUNICIPALITY -> 0;
            case COUNTY -> 1;
            case NATIONAL -> 2;
        };
    }

    /** Each official form of the name, and a bracketed duplicate ("Herøy (Nordland)") also without its brackets. */
    private static Set<String> nameKeys(Region region) {
        Set<String> keys = new LinkedHashSet<>();
        for (String form : region.names()) {
            keys.add(NameFolding.fold(form));
            int bracket = form.indexOf(" (");
            if (bracket > 0 && form.endsWith(")")) {
                keys.add(NameFolding.fold(form.substring(0, bracket)));
            }
        }
        return keys;
    }

    static RegionCatalogue load(String resource) {
        try (InputStream in = RegionCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("region catalogue " + resource + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region catalogue " + resource, e);
        }
    }

    /** Reads one line per municipality; the counties are derived from the municipalities' columns. */
    static RegionCatalogue parse(BufferedReader csv, String source) throws IOException {
        String header = csv.readLine();
        if (header == null || !header.strip().replace("\uFEFF", "").equals(CSV_HEADER)) {
            throw new IllegalStateException(source + ": expected header " + CSV_HEADER + ", found " + header);
        }
        Map<String, Region> counties = new TreeMap<>();
        List<Region> municipalities = new ArrayList<>();
        int lineNumber = 1;
        for (String line = csv.readLine(); line != null; line = csv.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            // No name in the catalogue holds a comma or a quote, so a plain split is exact; a line that would need
            // quoting fails here instead of being misread.
            String[] columns = line.split(",", -1);
            if (columns.length != 4) {
                throw new IllegalStateException(
                        source + " line " + lineNumber + ": expected 4 columns, found " + columns.length);
            }
            String countyCode = "NO-" + columns[2].strip();
            String countyName = columns[3].strip();
            Region county = new Region(countyCode, countyName, RegionLevel.COUNTY, null);
            Region known = counties.putIfAbsent(countyCode, county);
            if (known != null && !known.equals(county)) {
                throw new IllegalStateException(source + " line " + lineNumber + ": county " + countyCode
                        + " is named both " + known.name() + " and " + countyName);
            }
            try {
                municipalities.add(
                        new Region(columns[0].strip(), columns[1].strip(), RegionLevel.MUNICIPALITY, countyCode));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return new RegionCatalogue(
                new Region(Region.NATIONAL_CODE, "Norge", RegionLevel.NATIONAL, null),
                List.copyOf(counties.values()),
                municipalities);
    }
}
