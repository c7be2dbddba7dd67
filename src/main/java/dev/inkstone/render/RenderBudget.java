package dev.inkstone.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A CPU-time allowance for one render on the calling thread.
 *
 * <p>flexmark has quadratic corners no input limit fully closes; {@link BudgetedText} asks the budget now and then
 * while flexmark reads the text, so a runaway render stops instead of holding a request thread. CPU time rather than
 * wall time, so a busy machine does not fail documents that are merely waiting for a core.
 */
final class RenderBudget {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread owner;
    private final boolean cpuTime;
    private final long deadline;

    private RenderBudget(long allowanceNanos) {
        owner = Thread.currentThread();
        cpuTime = THREADS.isCurrentThreadCpuTimeSupported();
        deadline = now() + allowanceNanos;
    }

    static RenderBudget start(long allowanceNanos) {
        return new RenderBudget(allowanceNanos);
    }

    void check() {
        // Only the render's own thread is measured; a stray read from elsewhere must not see its clock.
        if (Thread.currentThread() == owner && now() > deadline) {
            throw new Exceeded();
        }
    }

    private long now() {
        return cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Thrown out of flexmark when the budget is spent. */
    static final class Exceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("render took too long", null, false, false);
        }
    }
}
