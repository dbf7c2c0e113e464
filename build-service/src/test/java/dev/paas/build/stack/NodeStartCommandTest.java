package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeStartCommandTest {

    @TempDir
    Path app;

    @Test
    void startsNodeDirectlyWhenTheStartScriptIsPlainNode() throws IOException {
        manifest("{\"scripts\":{\"start\":\"node server.js\"}}");
        assertThat(NodeStartCommand.of(app)).containsExactly("node", "server.js");

        manifest("{\"scripts\":{\"start\":\"node --max-old-space-size=256 dist/main.js --port=3000\"}}");
        assertThat(NodeStartCommand.of(app))
                .containsExactly("node", "--max-old-space-size=256", "dist/main.js", "--port=3000");
    }

    @Test
    void keepsNpmStartForAnythingElse() throws IOException {
        for (String script : List.of("next start", "NODE_ENV=x node a.js", "node a.js && node b.js", "node $FILE",
                "nodemon server.js")) {
            manifest("{\"scripts\":{\"start\":\"" + script + "\"}}");
            assertThat(NodeStartCommand.of(app)).as(script).isEqualTo(NodeStartCommand.NPM_START);
        }
    }

    @Test
    void followsNpmsDefaultWhenThereIsNoStartScript() throws IOException {
        manifest("{\"name\":\"x\"}");
        assertThat(NodeStartCommand.of(app)).isEqualTo(NodeStartCommand.NPM_START);

        Files.writeString(app.resolve("server.js"), "");
        assertThat(NodeStartCommand.of(app)).containsExactly("node", "server.js");
    }

    @Test
    void leavesAnUnreadableManifestToNpm() throws IOException {
        manifest("{not json");
        assertThat(NodeStartCommand.of(app)).isEqualTo(NodeStartCommand.NPM_START);
    }

    @Test
    void rendersTheExecForm() {
        assertThat(NodeStartCommand.asExecForm(List.of("node", "server.js"))).isEqualTo("[\"node\",\"server.js\"]");
    }

    private void manifest(String json) throws IOException {
        Files.writeString(app.resolve("package.json"), json);
    }
}
