package dev.inkstone;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The sample knowledge base ({@code repo-content/}) packed into the jar, read back as path → bytes. */
final class SampleContent {

    private static final String PREFIX = "repo-content/";

    private SampleContent() {
    }

    static Map<String, byte[]> load() throws IOException {
        Path location;
        try {
            location = Path.of(SampleContent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        return Files.isDirectory(location) ? fromDirectory(location.resolve(PREFIX)) : fromJar(location);
    }

    private static Map<String, byte[]> fromDirectory(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static Map<String, byte[]> fromJar(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(PREFIX)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        files.put(entry.getName().substring(PREFIX.length()), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }
}
