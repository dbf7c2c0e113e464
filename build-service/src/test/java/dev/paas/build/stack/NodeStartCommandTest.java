package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeStartCommandTest {

    @Test
    void startsNodeDirectlyWhenTheStartScriptIsPlainNode() {
        assertThat(NodeStartCommand.of(Optional.of("node server.js"), false)).contains(List.of("node", "server.js"));
        assertThat(NodeStartCommand.of(Optional.of("node --enable-source-maps dist/main.js --port=3000"), false))
                .contains(List.of("node", "--enable-source-maps", "dist/main.js", "--port=3000"));
    }

    @Test
    void keepsNpmStartForAnythingElse() {
        for (String script : List.of("node server.js && echo done", "NODE_ENV=production node server.js",
                "nodemon server.js", "node $ENTRY", "ts-node src/index.ts")) {
            assertThat(NodeStartCommand.of(Optional.of(script), false)).as(script)
                    .contains(NodeStartCommand.NPM_START);
        }
    }

    @Test
    void followsNpmsDefaultWhenThereIsNoStartScript() {
        assertThat(NodeStartCommand.of(Optional.empty(), false)).isEmpty();
        assertThat(NodeStartCommand.of(Optional.empty(), true)).contains(List.of("node", "server.js"));
    }

    @Test
    void rendersTheExecFormAndShellLines() {
        assertThat(NodeStartCommand.asExecForm(List.of("node", "server.js"))).isEqualTo("[\"node\",\"server.js\"]");
        assertThat(NodeStartCommand.asExecForm(NodeStartCommand.shell("node web.js --port \"$PORT\"")))
                .isEqualTo("[\"sh\",\"-c\",\"node web.js --port \\\"$PORT\\\"\"]");
    }
}
