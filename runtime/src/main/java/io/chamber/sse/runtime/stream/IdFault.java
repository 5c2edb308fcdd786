package io.chamber.sse.runtime.stream;

/** A fault in the ids of every Nth event, to test de-duplication and gap detection. */
public enum IdFault {
    /** The event carries the previous event's id. */
    DUP("dup"),
    /** The event is left out: its id never appears. */
    SKIP("skip"),
    /** The event and the next one go out the other way round. */
    REORDER("reorder");

    private final String wireName;

    IdFault(String wireName) {
        this.wireName = wireName;
    }

    /** The name a request uses. */
    public String wireName() {
        return wireName;
    }
}
