package io.chamber.sse.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdsTest {

    @ParameterizedTest
    @CsvSource({ "0, 0", "42, 1", "-1, 1099511627775", "9223372036854775807, 123456789", "-9223372036854775808, 7" })
    void anIdDecodesToTheSeedAndSequenceItEncodes(long seed, long sequence) {
        String id = EventIds.encode(seed, sequence);
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals(new EventIds.Position(seed, sequence), EventIds.decode(id));
        assertEquals(new EventIds.Position(seed, sequence), EventIds.decode(id.toUpperCase().toLowerCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "5500f7b77d1c4216e2f2dd157e46ff01", "00000000000000000000000000000000", "abc",
            "0123456789abcdef0123456789abcdeg", "0123456789abcdef0123456789abcdef0" })
    void refusesIdsItDidNotMake(String id) {
        assertThrows(IllegalArgumentException.class, () -> EventIds.decode(id));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 5, 31 })
    void aChangedDigitMakesAnIdForeign(int position) {
        String id = EventIds.encode(77, 3);
        char changed = id.charAt(position) == 'a' ? 'b' : 'a';
        String tampered = id.substring(0, position) + changed + id.substring(position + 1);
        assertThrows(IllegalArgumentException.class, () -> EventIds.decode(tampered));
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2 })
    void consecutiveIdsShareNoVisiblePattern(long seed) {
        Set<String> halves = new HashSet<>();
        for (long sequence = 0; sequence < 1000; sequence++) {
            String id = EventIds.encode(seed, sequence);
            halves.add(id.substring(0, 8));
            halves.add(id.substring(16, 24));
        }
        assertEquals(2000, halves.size());
        assertNotEquals(EventIds.encode(seed, 0), EventIds.encode(seed + 1, 0));
    }
}
