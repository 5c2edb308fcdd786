package io.chamber.sse.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void kernelThreadsAreToldByTheirFlags() {
        assertTrue(ProcessSampler.isKernelThread("12 (ksoftirqd/0) S 2 0 0 0 -1 69238848 0 0 0 0 5 9 0 0 20 0 1 0 1"));
        assertFalse(ProcessSampler.isKernelThread("4242 (java) S 1 4242 1 0 -1 4194560 900 0 0 0 1234 567 0 0 20 0"));
    }

    @Test
    void otherProcessesLeaveOutTheExcludedOnes() {
        double withSelf = ProcessSampler.otherProcessesSeconds(java.util.List.of());
        double withoutSelf = ProcessSampler.otherProcessesSeconds(java.util.List.of(ProcessHandle.current().pid()));
        assertTrue(withoutSelf <= withSelf, withoutSelf + " > " + withSelf);
    }
}
