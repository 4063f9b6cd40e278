package no.overdosevarsel.subscriber.ratelimit;

import java.time.Instant;

/** One key's fixed window: when it ends, and how many requests it has counted (at most permits + 1). */
record Window(Instant endsAt, int count) {}
