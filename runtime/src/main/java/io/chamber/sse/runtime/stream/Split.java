package io.chamber.sse.runtime.stream;

/** How each frame is cut into writes of its own, paced so they leave as separate network chunks. */
public enum Split {
    /** Every byte on its own. */
    BYTE("byte"),
    /** Every line on its own, its line end included. */
    LINE("line"),
    /** Between the CR and the LF of every CR LF (the stream's lines end with CR LF). */
    MID_CRLF("mid-crlf"),
    /** Inside every multibyte UTF-8 character (the messages carry some). */
    MID_UTF8("mid-utf8"),
    /** At random points, drawn from the stream's seed. */
    RANDOM("random");

    private final String wireName;

    Split(String wireName) {
        this.wireName = wireName;
    }

    /** The name a request uses. */
    public String wireName() {
        return wireName;
    }
}
