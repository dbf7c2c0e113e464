package dev.paas.build.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only view of the (root-directory-adjusted) checkout that planners detect from. Reads are size-capped (1 MiB)
 * UTF-8, and never follow a link out of the root. Paths are relative, with {@code /}.
 */
public final class SourceTree {

    static final int MAX_READ_BYTES = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final Path realRoot;

    public SourceTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
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

    /** The file's UTF-8 text; empty when it is absent, unreadable, not UTF-8 or larger than 1 MiB. */
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
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file parsed as JSON; empty when it is absent or not valid JSON. */
    public Optional<JsonNode> json(String relative) {
        return read(relative).flatMap(text -> {
            try {
                JsonNode node = JSON.readTree(text);
                return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
            } catch (JacksonException e) {
                return Optional.empty();
            }
        });
    }

    /** Names of the entries of a directory, sorted; empty when it is absent. */
    public List<String> list(String relativeDirectory) {
        Optional<Path> directory = resolve(relativeDirectory).filter(Files::isDirectory);
        if (directory.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory.get())) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The command of a {@code Procfile} process type ({@code web}, ...), stripped; empty when there is none. */
    public Optional<String> procfileCommand(String process) {
        return read("Procfile").flatMap(procfile -> procfile.lines()
                .map(String::strip)
                .filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(process + ":"))
                .map(line -> line.substring(process.length() + 1).strip())
                .filter(command -> !command.isEmpty())
                .findFirst());
    }

    /** The path inside the root, when it exists and (following links) stays inside. */
    private Optional<Path> resolve(String relative) {
        if (relative == null || relative.contains("\0")) {
            return Optional.empty();
        }
        Path path = relative.isEmpty() || relative.equals(".") ? root : root.resolve(relative).normalize();
        if (!path.startsWith(root) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path real = path.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
