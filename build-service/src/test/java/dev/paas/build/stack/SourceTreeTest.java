package dev.paas.build.stack;

import static dev.paas.build.stack.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeTest {

    @TempDir
    Path repo;

    @TempDir
    Path elsewhere;

    @Test
    void readsFilesJsonListingsAndProcfileLines() {
        write(repo, "package.json", "{\"name\": \"a\"}", "src/b.js", "", "src/a.js", "",
                "Procfile", "release: ./migrate\nweb:   gunicorn app:app  \n", "broken.json", "{");
        SourceTree tree = new SourceTree(repo);

        assertThat(tree.isFile("package.json")).isTrue();
        assertThat(tree.isDirectory("src")).isTrue();
        assertThat(tree.json("package.json").orElseThrow().path("name").asString()).isEqualTo("a");
        assertThat(tree.json("broken.json")).isEmpty();
        assertThat(tree.json("missing.json")).isEmpty();
        assertThat(tree.list("src")).containsExactly("a.js", "b.js");
        assertThat(tree.list("nope")).isEmpty();
        assertThat(tree.procfileCommand("web")).contains("gunicorn app:app");
        assertThat(tree.procfileCommand("worker")).isEmpty();
    }

    @Test
    void neverReadsOutsideTheRootNorHugeFiles() throws IOException {
        write(elsewhere, "secret", "root:x:0:0");
        Files.createSymbolicLink(repo.resolve("link"), elsewhere.resolve("secret"));
        Files.write(repo.resolve("huge.txt"), new byte[SourceTree.MAX_READ_BYTES + 1]);
        SourceTree tree = new SourceTree(repo);

        assertThat(tree.read("link")).isEmpty();
        assertThat(tree.isFile("link")).isFalse();
        assertThat(tree.read("../" + elsewhere.getFileName() + "/secret")).isEmpty();
        assertThat(tree.read("huge.txt")).isEmpty();
    }
}
