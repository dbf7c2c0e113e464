package dev.paas.database.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.paas.docker.DockerCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link EngineCommand} in a container with docker's exec: stdout streamed to a sink as it comes (a dump is
 * never held in memory), the last lines of stderr kept for messages, and the exit code read afterwards.
 */
final class ContainerExec {

    private static final int STDERR_LINES = 8;

    private final DockerClient docker;
    private final DockerCalls calls;

    ContainerExec(DockerClient docker, DockerCalls calls) {
        this.docker = docker;
        this.calls = calls;
    }

    /** What a command left: its exit code ({@code -1} when unknown) and the last lines of its stderr. */
    record Result(long exitCode, List<String> stderr) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** {@code pg_restore exited with 1: pg_restore: error: ...}. */
        String describe(String tool) {
            String said = String.join(" / ", stderr);
            return tool + " exited with " + exitCode + (said.isBlank() ? "" : ": " + said);
        }
    }

    /** Runs it with its stdout collected as text (for short answers). */
    Captured capture(String container, EngineCommand command, Duration timeout) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Result result = run(container, command, stdout, timeout);
        return new Captured(result, stdout.toString(StandardCharsets.UTF_8));
    }

    record Captured(Result result, String stdout) {
    }

    /** Runs it with its stdout written to {@code sink}, for at most {@code timeout}. */
    Result run(String container, EngineCommand command, OutputStream sink, Duration timeout) {
        String execId = calls.once("exec " + command.tool() + " in " + container, () -> docker
                .execCreateCmd(container)
                .withCmd(command.argv().toArray(String[]::new))
                .withEnv(command.env())
                .withAttachStdin(false)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId());
        StreamingCallback callback = new StreamingCallback(sink);
        try {
            calls.longRunning("run " + command.tool() + " in " + container, () -> {
                try (callback) {
                    docker.execStartCmd(execId).exec(callback);
                    if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new DumpRejected(command.tool() + " did not finish within " + timeout);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DumpRejected(command.tool() + " was interrupted");
        }
        if (callback.sinkFailure != null) {
            throw new UncheckedIOException("could not write what " + command.tool() + " sent",
                    callback.sinkFailure);
        }
        Long exitCode = calls.idempotent("inspect exec " + execId,
                () -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
        return new Result(exitCode == null ? -1 : exitCode, callback.stderrLines());
    }

    private static final class StreamingCallback extends ResultCallback.Adapter<Frame> {

        private final OutputStream sink;
        private final Deque<String> stderr = new ArrayDeque<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile IOException sinkFailure;

        StreamingCallback(OutputStream sink) {
            this.sink = sink;
        }

        @Override
        public void onNext(Frame frame) {
            if (frame.getStreamType() == StreamType.STDERR) {
                keepStderr(new String(frame.getPayload(), StandardCharsets.UTF_8));
                return;
            }
            if (sinkFailure != null) {
                return;
            }
            try {
                sink.write(frame.getPayload());
            } catch (IOException e) {
                sinkFailure = e;
                try {
                    close();
                } catch (IOException ignored) {
                    // closing the stream ends the exec's output; nothing more to do
                }
            }
        }

        private synchronized void keepStderr(String text) {
            partial.append(text);
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                add(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        }

        private void add(String line) {
            if (line.isBlank()) {
                return;
            }
            stderr.addLast(line.strip());
            while (stderr.size() > STDERR_LINES) {
                stderr.removeFirst();
            }
        }

        synchronized List<String> stderrLines() {
            if (!partial.isEmpty()) {
                add(partial.toString());
                partial.setLength(0);
            }
            return List.copyOf(stderr);
        }
    }
}
