package dev.paas.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last lines a container wrote (stdout and stderr together), for failure reasons of apps and databases. */
public final class ContainerLogs {

    private static final Logger log = LoggerFactory.getLogger(ContainerLogs.class);

    private ContainerLogs() {
    }

    /**
     * The last {@code lines} lines of the container's log, oldest first, read for at most 10 s; call it through
     * {@link DockerCalls} so a missing container or an unreachable engine is reported like any other call.
     */
    public static List<String> tail(DockerClient docker, String containerIdOrName, int lines) {
        List<String> collected = new ArrayList<>();
        try (ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                synchronized (collected) {
                    text.lines().forEach(collected::add);
                }
            }
        }) {
            docker.logContainerCmd(containerIdOrName)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTail(lines)
                    .exec(callback)
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("closing the log stream of {} failed: {}", containerIdOrName, e.toString());
        }
        synchronized (collected) {
            int from = Math.max(0, collected.size() - lines);
            return List.copyOf(collected.subList(from, collected.size()));
        }
    }
}
