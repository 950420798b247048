package jp.homebiyori.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls made at the same moment: each from its own thread, all released together, for races a test provokes. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs every call at once; returns their results in order, or throws the first failure. */
    public static <T> List<T> all(List<? extends Callable<T>> calls) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof AssertionError a ? a : new AssertionError("a concurrent call failed", e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a concurrent call did not finish in 60 s", e);
                }
            }
            return results;
        }
    }
}
