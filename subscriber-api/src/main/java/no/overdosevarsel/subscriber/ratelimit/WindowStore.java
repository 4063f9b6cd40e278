package no.overdosevarsel.subscriber.ratelimit;

import java.time.Instant;

/** Where windows are counted: this instance's memory, or the database that every instance shares. */
interface WindowStore {

    /**
     * Counts one request for the key in one step: starts a new window if there is none or it has ended, else adds one
     * to the count, which stops at {@code limit.permits() + 1} so that it cannot overflow.
     *
     * @return the window after counting
     */
    Window count(Bucket bucket, String key, Limit limit, Instant now);
}
