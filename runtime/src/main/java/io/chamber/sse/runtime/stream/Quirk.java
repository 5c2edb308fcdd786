package io.chamber.sse.runtime.stream;

/**
 * A legal but unusual way to write the event stream, for testing clients against the WHATWG parsing rules. Each
 * applies to every event of the stream where it fits.
 */
public enum Quirk {
    /** A byte order mark (U+FEFF) first, once: clients must skip it. */
    BOM("bom"),
    /** Lines end with CR LF. */
    CRLF("crlf"),
    /** Lines end with a lone CR. */
    CR("cr"),
    /** Lines end with CR, CR LF and LF in turn (never a lone CR before a lone LF, which would be one line end). */
    MIXED_NEWLINES("mixed-newlines"),
    /** The data is written over several {@code data:} lines, which clients join with LF. */
    MULTILINE("multiline"),
    /** No space after the colon: {@code field:value}. */
    NO_SPACE("no-space"),
    /** Two spaces after {@code data:}; the second one is part of the data. */
    EXTRA_SPACE("extra-space"),
    /** A field the format does not know, which clients ignore. */
    UNKNOWN_FIELD("unknown-field"),
    /** A line {@code data} without a colon: a data field with an empty value, which adds an empty line. */
    BARE_FIELD("bare-field"),
    /** Comment lines between the fields. */
    COMMENT("comment"),
    /** A second {@code id} holding U+0000, which clients must ignore. */
    ID_NULL("id-null"),
    /** On every second event, an {@code id:} without a value, which resets the last event id to empty. */
    EMPTY_ID("empty-id"),
    /** A {@code retry: 2000x} field, which clients ignore: not only digits. */
    RETRY_BOGUS("retry-bogus"),
    /** After every event, a block with an event type but no data, which clients do not dispatch. */
    EMPTY_DATA("empty-data"),
    /** The stream ends with an event that has no blank line, which clients must discard. */
    TRAILING_PARTIAL("trailing-partial"),
    /** Every message ends with multibyte characters: 2, 3 and 4 bytes of UTF-8, an emoji among them. */
    UTF8("utf8");

    private final String wireName;

    Quirk(String wireName) {
        this.wireName = wireName;
    }

    /** The name a request uses. */
    public String wireName() {
        return wireName;
    }
}
