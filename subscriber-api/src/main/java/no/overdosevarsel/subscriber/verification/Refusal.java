package no.overdosevarsel.subscriber.verification;

/** Why a verification code was not accepted. */
public enum Refusal {
    /** Not the code that was sent; the attempt counts. */
    WRONG_CODE,
    /** The code's time is up, or no code was ever sent. */
    EXPIRED,
    /** The code was used already. */
    USED,
    /** The code was tried too often and is blocked, even for the right code. */
    TOO_MANY_ATTEMPTS
}
