package dev.inkstone.git;

import org.eclipse.jgit.lib.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names a history index file after the repository and branch it describes, so one data folder can hold several. */
public final class HistoryFiles {

    private HistoryFiles() {
    }

    public static String name(Repository repository, String branch) {
        try {
            String key = repository.getDirectory().getAbsolutePath() + "\u0000" + branch;
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + ".idx";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
