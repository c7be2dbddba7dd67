package dev.inkstone.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The users file ({@code users.json} in the data folder). It is re-read whenever it changes on disk, so a user
 * added, changed or removed by the CLI takes effect on the running service at once.
 */
public final class UserStore {

    public static final String FILE = "users.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private volatile List<User> users = List.of();
    private volatile FileTime loadedAt;
    private volatile long loadedSize = -1;

    public UserStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The user whose token this is; every stored hash is compared, in constant time each. */
    public Optional<User> authenticate(String token) {
        String hash = Tokens.sha256(token);
        User found = null;
        for (User user : current()) {
            if (Tokens.sameHash(hash, user.tokenSha256())) {
                found = user;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<User> list() {
        return current();
    }

    /** Adds or replaces a user and returns the new token; the token is not stored. */
    public synchronized String add(String name, String email, Role role) {
        if (name == null || name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c == '<' || c == '>')) {
            throw new IllegalArgumentException("a user name must be one line without '<' or '>'");
        }
        if (email == null || !email.matches("[^\\s<>@]+@[^\\s<>@]+")) {
            throw new IllegalArgumentException("email must look like name@host, got '" + email + "'");
        }
        String token = Tokens.newToken();
        List<User> updated = new ArrayList<>(current());
        updated.removeIf(user -> user.name().equals(name));
        updated.add(new User(name, email, role.id(), Tokens.sha256(token)));
        save(updated);
        return token;
    }

    public synchronized boolean remove(String name) {
        List<User> updated = new ArrayList<>(current());
        boolean removed = updated.removeIf(user -> user.name().equals(name));
        if (removed) {
            save(updated);
        }
        return removed;
    }

    /** On a first start without users: creates an admin and returns its token, to be shown once. */
    public synchronized Optional<String> ensureAdmin() {
        if (!current().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(add("admin", "admin@localhost", Role.ADMIN));
    }

    private List<User> current() {
        try {
            if (!Files.exists(file)) {
                users = List.of();
                return users;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (!modified.equals(loadedAt) || size != loadedSize) {
                synchronized (this) {
                    users = List.copyOf(MAPPER.readValue(file.toFile(), new TypeReference<List<User>>() { }));
                    loadedAt = modified;
                    loadedSize = size;
                }
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void save(List<User> updated) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "users", ".tmp");
            MAPPER.writeValue(temp.toFile(), updated);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            users = List.copyOf(updated);
            loadedAt = Files.getLastModifiedTime(file);
            loadedSize = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
