package dev.paas.runtime.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which replicas receive an app's traffic: one hosts file per app in a directory that the ingress's DNS server
 * (dnsmasq with {@code --hostsdir}) watches, mapping {@code <slug>.<zone>} to the loopback addresses of the
 * replicas that serve. Caddy's route for the app resolves that name through dynamic upstreams, so switching
 * traffic is a file rename: Caddy's configuration never changes, it is never reloaded, and clients' keep-alive
 * connections stay open across a redeploy.
 *
 * <p>Each write goes to a temporary file first and is renamed over the app's file, so dnsmasq only ever reads a
 * whole file. An app with no serving replica has no file: its name does not resolve.
 */
public class UpstreamDirectory {

    private final Path directory;
    private final String zone;

    public UpstreamDirectory(Path directory, String zone) {
        this.directory = directory;
        this.zone = zone;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upstream directory " + directory.toAbsolutePath()
                    + " (paas.ingress.upstreams.directory)", e);
        }
    }

    /** The DNS name Caddy resolves for the app's replicas. */
    public String name(String slug) {
        return slug + "." + zone;
    }

    /** Makes exactly {@code addresses} (IPv4 loopback addresses) serve the app; none removes its entry. */
    public synchronized void serve(String slug, Collection<String> addresses) {
        Path file = directory.resolve(slug);
        try {
            if (addresses.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            String name = name(slug);
            String content = new TreeSet<>(addresses).stream()
                    .map(address -> address + " " + name)
                    .collect(Collectors.joining("\n", "", "\n"));
            Path temporary = directory.resolve("." + slug + ".tmp");
            Files.writeString(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the upstreams of " + slug + " to " + file, e);
        }
    }

    /** The addresses that serve the app now, empty when none. */
    public synchronized Set<String> serving(String slug) {
        try {
            return Files.readAllLines(directory.resolve(slug)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+")[0])
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upstreams of " + slug, e);
        }
    }

    /** Adds one address to those serving the app. */
    public synchronized void add(String slug, String address) {
        Set<String> now = new LinkedHashSet<>(serving(slug));
        if (now.add(address)) {
            serve(slug, now);
        }
    }

    /** Takes one address out of those serving the app. */
    public synchronized void withdraw(String slug, String address) {
        Set<String> now = new LinkedHashSet<>(serving(slug));
        if (now.remove(address)) {
            serve(slug, now);
        }
    }

    /** The apps that have an entry. */
    public synchronized Set<String> apps() {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
