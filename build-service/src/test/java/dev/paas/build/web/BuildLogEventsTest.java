package dev.paas.build.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.builds.BuildLogStreams;
import dev.paas.build.builds.BuildPhase;
import dev.paas.build.builds.LogLine;
import dev.paas.problems.InvalidInput;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class BuildLogEventsTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");

    @Test
    void sendsALineWithItsIdNameAndJsonData() {
        String event = render(BuildLogEvents.line(new LogLine(42, AT, BuildPhase.INSTALL, false, "added 12 packages")));

        assertThat(event).isEqualTo("id:42\nevent:line\ndata:{\"at\":\"2026-12-01T10:00:00.123Z\","
                + "\"phase\":\"install\",\"text\":\"added 12 packages\"}\n\n");
    }

    @Test
    void namesThePhaseMarkersAndKeepsQuotesAndNewlinesInsideTheJson() {
        String event = render(BuildLogEvents.line(new LogLine(7, AT, BuildPhase.CLONE, true, "say \"hi\"\nthere")));

        assertThat(event).startsWith("id:7\nevent:phase\ndata:")
                .contains("\"text\":\"say \\\"hi\\\"\\nthere\"")
                .endsWith("}\n\n");
        assertThat(event.split("\n")).hasSize(3);
    }

    @Test
    void endsWithTheOutcome() {
        String failed = render(BuildLogEvents.end(new BuildLogStreams.Ending("failed", AT, "npm ERR! missing script",
                BuildPhase.BUILD)));
        String succeeded = render(BuildLogEvents.end(new BuildLogStreams.Ending("succeeded", AT, null,
                BuildPhase.DEPLOY)));

        assertThat(failed).isEqualTo("event:end\ndata:{\"at\":\"2026-12-01T10:00:00.123Z\",\"phase\":\"build\","
                + "\"text\":\"build failed: npm ERR! missing script\",\"outcome\":\"failed\","
                + "\"error\":\"npm ERR! missing script\"}\n\n");
        assertThat(succeeded).contains("\"outcome\":\"succeeded\"", "\"text\":\"build succeeded\"")
                .doesNotContain("error").doesNotContain("id:");
    }

    @Test
    void keepsTheConnectionWithComments() {
        assertThat(render(BuildLogEvents.heartbeat())).isEqualTo(":keep-alive\n\n");
        assertThat(render(BuildLogEvents.opening("d1"))).isEqualTo("retry:2000\n:build log of deployment d1\n\n");
    }

    @Test
    void resumesAfterTheLastEventIdOrTheAfterParameter() {
        assertThat(BuildLogEvents.resumeAfter(null, null)).isZero();
        assertThat(BuildLogEvents.resumeAfter("41", null)).isEqualTo(41);
        assertThat(BuildLogEvents.resumeAfter(null, " 17 ")).isEqualTo(17);
        assertThat(BuildLogEvents.resumeAfter("41", "17")).isEqualTo(41);
        assertThat(BuildLogEvents.resumeAfter("", "")).isZero();
    }

    @Test
    void refusesAnIdThatIsNoLineId() {
        assertThatThrownBy(() -> BuildLogEvents.resumeAfter("-1", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("Last-Event-ID must be the id of a log line (a whole number of at least 0), was '-1'");
        assertThatThrownBy(() -> BuildLogEvents.resumeAfter(null, "ten")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("after must be");
    }

    @Test
    void choosesJsonOnlyWhenTheClientPrefersIt() {
        assertThat(BuildsController.prefersJson(null)).isFalse();
        assertThat(BuildsController.prefersJson("*/*")).isFalse();
        assertThat(BuildsController.prefersJson("application/json")).isTrue();
        assertThat(BuildsController.prefersJson("text/plain;q=0.5, application/json")).isTrue();
        assertThat(BuildsController.prefersJson("text/plain, application/json")).isFalse();
    }

    private static String render(SseEmitter.SseEventBuilder event) {
        return event.build().stream().map(data -> data.getData().toString()).collect(Collectors.joining());
    }
}
