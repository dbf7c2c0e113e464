package dev.paas.build.stack;

/** What a repository turned out to be, which decides how its image is built. */
public sealed interface Stack {

    /** Name published in {@code ImageBuilt}: {@code dockerfile}, or the runtime's name. */
    String name();

    /** The repository brings its own Dockerfile at the root. */
    record OwnDockerfile() implements Stack {

        @Override
        public String name() {
            return "dockerfile";
        }
    }

    /** The Dockerfile is generated from the runtime's template. */
    record FromTemplate(Runtime runtime) implements Stack {

        @Override
        public String name() {
            return runtime.name();
        }
    }
}
