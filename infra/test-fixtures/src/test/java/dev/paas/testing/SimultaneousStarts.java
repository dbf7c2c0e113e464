package dev.paas.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * For tests of replicas that start at the same moment: runs {@code start} on
 * {@code count} threads released together by a barrier, and returns what each returned. Spring Boot initialises its
 * logging system at every application start, which is not safe from several threads at once (logback throws
 * {@code ConcurrentModificationException}), so the starts run with Boot's logging system set to {@code none}: they log
 * through the logging the test JVM has already set up.
 */
public final class SimultaneousStarts {

    /** The system property naming Spring Boot's logging system ({@code LoggingSystem.SYSTEM_PROPERTY}). */
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private SimultaneousStarts() {
    }

    /** Fails with the first start's failure, or when one has not returned within {@code timeout}. */
    public static <T> List<T> of(int count, Duration timeout, Callable<T> start) throws Exception {
        String loggingSystem = System.getProperty(LOGGING_SYSTEM);
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            return together(count, timeout, start);
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
        }
    }

    private static <T> List<T> together(int count, Duration timeout, Callable<T> start) throws Exception {
        CyclicBarrier together = new CyclicBarrier(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                starts.add(threads.submit(() -> {
                    together.await();
                    return start.call();
                }));
            }
            List<T> started = new ArrayList<>();
            for (Future<T> each : starts) {
                started.add(each.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            }
            return started;
        } finally {
            threads.shutdownNow();
        }
    }
}
