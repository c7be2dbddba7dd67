package dev.inkstone.git;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The commit-id table of the history index: every id put is found with its number, others are not, under growth. */
class CommitSeqsTest {

    private static ObjectId random(Random random) {
        byte[] raw = new byte[20];
        random.nextBytes(raw);
        return ObjectId.fromRaw(raw);
    }

    @Test
    void findsEveryIdPutAndNoOther() {
        List<ObjectId> ids = new ArrayList<>();
        CommitSeqs seqs = new CommitSeqs(ids::get);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // Half random like SHA-1, half made up with equal hash codes (bytes 4-7 all zero), as tests write them.
            ObjectId id = i % 2 == 0 ? random(random) : ObjectId.fromString(String.format("%040x", i));
            ids.add(id);
            seqs.put(id, i);
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(seqs.get(ids.get(i))).isEqualTo(i);
        }
        for (int i = 0; i < 1_000; i++) {
            assertThat(seqs.get(random(random))).isEqualTo(-1);
        }
        assertThat(seqs.get(ObjectId.fromString(String.format("%040x", 20_001)))).isEqualTo(-1);
    }

    @Test
    void puttingAnIdAgainReplacesItsNumber() {
        List<ObjectId> ids = new ArrayList<>();
        CommitSeqs seqs = new CommitSeqs(ids::get);
        ObjectId id = ObjectId.fromString("0123456789012345678901234567890123456789");
        ids.add(id);
        seqs.put(id, 0);
        ids.add(id);
        seqs.put(id, 1);
        assertThat(seqs.get(id)).isEqualTo(1);
    }

    @Test
    void readersFindEveryPublishedIdWhileTheTableGrows() throws Exception {
        Random random = new Random(11);
        ObjectId[] ids = new ObjectId[50_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random(random);
        }
        CommitSeqs seqs = new CommitSeqs(seq -> ids[seq]);
        AtomicInteger published = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> checks = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                checks.add(readers.submit(() -> {
                    long checked = 0;
                    Random pick = new Random();
                    while (!done.get()) {
                        int known = published.get();
                        if (known > 0) {
                            int seq = pick.nextInt(known);
                            if (seqs.get(ids[seq]) != seq) {
                                throw new AssertionError("id " + seq + " of " + known + " not found");
                            }
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (int i = 0; i < ids.length; i++) {
                seqs.put(ids[i], i);
                published.set(i + 1);
            }
            done.set(true);
            for (Future<Long> check : checks) {
                assertThat(check.get()).isPositive();
            }
        } finally {
            done.set(true);
            readers.shutdown();
        }
    }
}
