package dev.paas.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DockerFailuresTest {

    private final DockerFailures failures = new DockerFailures();

    @Test
    void handsTheEnginesAnswersBackUnchanged() {
        for (RuntimeException answer : new RuntimeException[] {new NotFoundException("no such container"),
                new ConflictException("name in use"), new BadRequestException("bad"),
                new NotModifiedException("already stopped")}) {
            assertThat(failures.translate("inspect x", answer)).isSameAs(answer);
        }
    }

    @Test
    void handsARequestDockerJavaRefusedToSendBackUnchanged() {
        DockerClientException refused = new DockerClientException("Dockerfile does not exist");

        assertThat(failures.translate("build x", refused)).isSameAs(refused);
    }

    @Test
    void makesAFailureOnTheEnginesSideUnavailableWithTheEnginesMessage() {
        RuntimeException failure = failures.translate("start paas-app-shop-1",
                new InternalServerErrorException("Status 500: {\"message\":\"driver failed programming\"}\n"));

        assertThat(failure).isInstanceOf(DockerUnavailable.class)
                .hasMessage("the Docker engine failed 'start paas-app-shop-1': driver failed programming");
    }

    @Test
    void makesATransportFailureUnavailable() {
        // What docker-java's httpclient5 transport throws when the socket is not there.
        RuntimeException transport = new RuntimeException(new ConnectException("Connection refused"));

        RuntimeException failure = failures.translate("list containers", transport);

        assertThat(failure).isInstanceOf(DockerUnavailable.class).hasCause(transport)
                .hasMessage("the Docker engine could not be reached for 'list containers': "
                        + "java.net.ConnectException: Connection refused");
    }

    @Test
    void makesACheckedFailureUnavailable() {
        assertThat(failures.translate("logs x", new IOException("broken pipe")))
                .isInstanceOf(DockerUnavailable.class);
        assertThat(failures.translate("logs x", new InterruptedException()))
                .isInstanceOf(DockerUnavailable.class).hasMessage("the Docker call 'logs x' failed: InterruptedException");
    }

    @Test
    void leavesAProgrammingErrorAlone() {
        IllegalStateException bug = new IllegalStateException("no host port");

        assertThat(failures.translate("inspect x", bug)).isSameAs(bug);
    }

    @Test
    void namesTimeOutsAndAnOpenBreakerAsUnavailable() {
        CircuitBreaker open = CircuitBreaker.ofDefaults("docker");
        open.transitionToOpenState();

        assertThat(failures.timedOut("inspect x", Duration.ofSeconds(30))).isInstanceOf(DockerUnavailable.class)
                .hasMessage("the Docker engine did not answer 'inspect x' within 30 s");
        assertThat(failures.rejected("inspect x", CallNotPermittedException.createCallNotPermittedException(open)))
                .isInstanceOf(DockerUnavailable.class)
                .hasMessage("the Docker engine is unavailable (recent calls failed; it is tried again shortly)");
    }

    @Test
    void describesAFailureByTheFirstMessageInItsCauses() {
        assertThat(DockerFailures.messageOf(new RuntimeException(null, new TimeoutException("read timed out"))))
                .isEqualTo("read timed out");
        assertThat(DockerFailures.messageOf(new NotFoundException("Status 404: {\"message\":\"No such image: a:1\"}")))
                .isEqualTo("No such image: a:1");
        assertThat(DockerFailures.messageOf(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
