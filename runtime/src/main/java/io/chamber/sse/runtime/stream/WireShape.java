package io.chamber.sse.runtime.stream;

import java.util.Set;

/**
 * How the conformance lab bends a stream: quirks of the wire format, the cutting of frames into writes, and faults
 * in the ids. {@link #PLAIN} bends nothing.
 *
 * @param quirks the quirks of the wire format
 * @param split how frames are cut into separate writes; {@code null} = one write per frame
 * @param idFault the fault in the ids of every {@code idFaultEvery}th event; {@code null} = none
 * @param idFaultEvery how often the id fault comes: every Nth event, N >= 2
 */
public record WireShape(Set<Quirk> quirks, Split split, IdFault idFault, int idFaultEvery) {

    public static final WireShape PLAIN = new WireShape(Set.of(), null, null, 0);

    public WireShape {
        quirks = Set.copyOf(quirks);
    }

    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    /** True when the events are written exactly as the seed format says, with no quirk. */
    public boolean isPlainFormat() {
        return quirks.isEmpty();
    }

    /** True when the event in slot {@code sequence} is one that the id fault hits. */
    boolean faultAt(long sequence) {
        return idFault != null && (sequence + 1) % idFaultEvery == 0;
    }
}
