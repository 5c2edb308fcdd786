package io.chamber.sse.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessSamplerTest {

    @Test
    void cpuTicksAreUtimeAndStimeEvenWhenTheCommandHoldsSpacesAndParentheses() {
        String stat = "4242 (nginx: worker (x) y) S 4241 4241 4241 0 -1 4194624 900 0 0 0 1234 567 0 0 20 0 1 0 100";
        assertArrayEquals(new long[] { 1234, 567 }, ProcessSampler.parseStatCpuTicks(stat));
    }

    @Test
    void vmRssIsReadInKibibytes() {
        assertEquals(123456L * 1024, ProcessSampler.parseVmRssLine("VmRSS:\t  123456 kB"));
    }

    @Test
    void machineBusyTicksLeaveOutIdleAndIowait() {
        String cpuLine = "cpu  100 20 30 5000 400 6 7 8 50 0";
        assertEquals(100 + 20 + 30 + 6 + 7 + 8, ProcessSampler.parseMachineBusyTicks(cpuLine));
    }
}
