package no.overdosevarsel.contracts.region;

/** How much of Norway a region covers. */
public enum RegionLevel {
    NATIONAL,
    COUNTY,
    MUNICIPALITY
}
