package io.conversa.infrastructure.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

class SoftHeapLimitTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void isTwoGigabytesWhenTheHeapMayGrowBeyond() {
        assertThat(SoftHeapLimit.limit(VMOption.Origin.ERGONOMIC, 6 * GB)).hasValue(2 * GB);
        assertThat(SoftHeapLimit.limit(VMOption.Origin.DEFAULT, 6 * GB)).hasValue(2 * GB);
    }

    @Test
    void isTheMaximumHeapWhenThatIsLessSoThatTheJvmAcceptsIt() {
        assertThat(SoftHeapLimit.limit(VMOption.Origin.ERGONOMIC, GB)).hasValue(GB);
    }

    @Test
    void leavesALimitTheOperatorGaveAsItIs() {
        assertThat(SoftHeapLimit.limit(VMOption.Origin.VM_CREATION, 6 * GB)).isEmpty();
        assertThat(SoftHeapLimit.limit(VMOption.Origin.ENVIRON_VAR, 6 * GB)).isEmpty();
    }
}
