package no.overdosevarsel.platform.web;

import java.net.URI;

/** Stable problem type URIs: one per kind of error, documented under this base. */
public final class Problems {

    public static final String BASE = "https://overdosevarsel.no/problems/";

    private Problems() {}

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }
}
