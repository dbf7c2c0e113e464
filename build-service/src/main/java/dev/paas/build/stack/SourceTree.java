package dev.paas.build.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only view of the (root-directory-adjusted) checkout. Reads are size-capped (1 MiB) UTF-8; never follows links
 * outside the root. Paths are relative with '/'.
 */
public final class SourceTree {

    static final int MAX_READ_BYTES = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;

    public SourceTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public boolean isFile(String relative) {
        return resolve(relative).filter(Files::isRegularFile).isPresent();
    }

    public boolean isDirectory(String relative) {
        return resolve(relative).filter(Files::isDirectory).isPresent();
    }

    /** The file's text; empty when absent, unreadable, not UTF-8 or bigger than 1 MiB. */
    public Optional<String> read(String relative) {
        Optional<Path> file = resolve(relative).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            byte[] bytes = in.readNBytes(MAX_READ_BYTES + 1);
            if (bytes.length > MAX_READ_BYTES) {
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (IOException e) {
            // Not UTF-8 (CharacterCodingException) or unreadable: detection treats it as absent.
            return Optional.empty();
        }
    }

    /** The file parsed as JSON; empty when absent or invalid. */
    public Optional<JsonNode> json(String relative) {
        return read(relative).flatMap(text -> {
            try {
                return Optional.ofNullable(JSON.readTree(text));
            } catch (JacksonException e) {
                return Optional.empty();
            }
        });
    }

    /** Names of the directory's entries, sorted; empty when absent. */
    public List<String> list(String relativeDirectory) {
        Optional<Path> directory = resolve(relativeDirectory).filter(Files::isDirectory);
        if (directory.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory.get())) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The command of a {@code ./Procfile} line such as {@code web: gunicorn app:app}, stripped. */
    public Optional<String> procfileCommand(String process) {
        String prefix = process.toLowerCase(Locale.ROOT) + ":";
        return read("Procfile").flatMap(text -> text.lines().map(String::strip)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .filter(command -> !command.isEmpty())
                .findFirst());
    }

    /** The path inside the root, following links only when they stay inside it. */
    private Optional<Path> resolve(String relative) {
        Path path = root.resolve(relative.isEmpty() ? "." : relative).normalize();
        if (!path.startsWith(root) || !Files.exists(path)) {
            return Optional.empty();
        }
        try {
            Path real = path.toRealPath();
            return real.startsWith(root.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
