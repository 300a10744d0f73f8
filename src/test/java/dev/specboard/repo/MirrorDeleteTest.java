package dev.specboard.repo;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A mirror deleted by two callers at once (a failed clone and a disconnect) is deleted without an error to either. */
class MirrorDeleteTest {

    @Test
    void twoDeletersOfOneMirrorBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Path dir = Files.createTempDirectory("mirror-delete");
                for (int d = 0; d < 20; d++) {
                    Path sub = Files.createDirectories(dir.resolve("objects").resolve("d" + d));
                    for (int f = 0; f < 25; f++) {
                        Files.writeString(sub.resolve("f" + f), "x");
                    }
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> deleters = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    deleters.add(pool.submit(() -> {
                        start.await();
                        GitMirror.deleteQuietly(dir);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> deleter : deleters) {
                    deleter.get(); // rethrows what a deleter threw
                }
                assertFalse(Files.exists(dir), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
