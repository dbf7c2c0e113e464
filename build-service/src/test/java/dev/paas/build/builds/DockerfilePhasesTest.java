package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfilePhasesTest {

    private static final String MARKED = """
            # syntax=docker/dockerfile:1
            ARG BASE=paas/node:18
            FROM ${BASE} AS build
            WORKDIR /app
            # paas-phase: install
            COPY package.json package-lock.json ./
            RUN npm ci \\
                # a comment inside the instruction
                --no-audit

            # paas-phase: build
            COPY . .
            RUN npm run build
            # paas-phase: image
            FROM paas/nginx:bookworm
            COPY --from=build /app/dist /srv
            """;

    @Test
    void givesEachStepThePhaseOfTheMarkerBeforeIt() {
        DockerfilePhases phases = DockerfilePhases.parse(MARKED);

        assertThat(phases.ofStep(1, 9)).contains(BuildPhase.BUILD);
        assertThat(phases.ofStep(3, 9)).contains(BuildPhase.BUILD);
        assertThat(phases.ofStep(4, 9)).contains(BuildPhase.INSTALL);
        assertThat(phases.ofStep(5, 9)).contains(BuildPhase.INSTALL);
        assertThat(phases.ofStep(6, 9)).contains(BuildPhase.BUILD);
        assertThat(phases.ofStep(7, 9)).contains(BuildPhase.BUILD);
        assertThat(phases.ofStep(8, 9)).contains(BuildPhase.IMAGE);
        assertThat(phases.ofStep(9, 9)).contains(BuildPhase.IMAGE);
        assertThat(phases.first()).contains(BuildPhase.BUILD);
    }

    @Test
    void putsTheLabelStepsTheBuilderAppendsInTheLastPhase() {
        DockerfilePhases phases = DockerfilePhases.parse(MARKED);

        // Three labels on the build request: the builder counts 12 steps for the Dockerfile's 9.
        assertThat(phases.ofStep(4, 12)).contains(BuildPhase.INSTALL);
        assertThat(phases.ofStep(10, 12)).contains(BuildPhase.IMAGE);
        assertThat(phases.ofStep(12, 12)).contains(BuildPhase.IMAGE);
    }

    @Test
    void trustsNoMarkersWhenTheBuilderCountsOtherSteps() {
        assertThat(DockerfilePhases.parse(MARKED).ofStep(4, 8)).isEmpty();
        assertThat(DockerfilePhases.parse(MARKED).ofStep(4, 9 + DockerfilePhases.MAX_APPENDED_STEPS + 1)).isEmpty();
    }

    @Test
    void leavesDockerfilesWithoutMarkersToTheDefault() {
        DockerfilePhases phases = DockerfilePhases.parse("FROM x\n# paas-phase: deploy\nRUN true\n");

        assertThat(phases.ofStep(1, 2)).isEmpty();
        assertThat(phases.first()).isEmpty();
    }
}
