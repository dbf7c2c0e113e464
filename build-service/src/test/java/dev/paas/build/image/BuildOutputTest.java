package dev.paas.build.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOutputTest {

    private final List<String> log = new ArrayList<>();
    private final BuildOutput output = new BuildOutput(log::add);

    @Test
    void passesCompleteLinesOnWhateverTheChunks() {
        output.append("Step 1/3 : FROM paas/node:18\n ---> 0123456789ab\nStep 2/3 : RUN np");
        output.append("m ci\r\n");
        output.append("added 0 packages");
        output.finish();

        assertThat(log).containsExactly("Step 1/3 : FROM paas/node:18", " ---> 0123456789ab", "Step 2/3 : RUN npm ci",
                "added 0 packages");
    }

    @Test
    void remembersOnlyTheImagesThisBuildCreated() {
        output.append("""
                Step 1/4 : FROM paas/nginx:bookworm
                 ---> aaaaaaaaaaaa
                Step 2/4 : COPY . /usr/share/nginx/html/
                 ---> Using cache
                 ---> bbbbbbbbbbbb
                Step 3/4 : RUN echo hi > /x
                 ---> Running in cccccccccccc
                Removing intermediate container cccccccccccc
                 ---> dddddddddddd
                Step 4/4 : EXPOSE 80
                 ---> Running in eeeeeeeeeeee
                 ---> ffffffffffff
                """);

        assertThat(output.createdImages()).containsExactly("dddddddddddd", "ffffffffffff");
    }

    @Test
    void countsTheStepsTheEngineTookFromItsCache() {
        output.append("""
                Step 1/5 : FROM paas/node:18
                 ---> aaaaaaaaaaaa
                Step 2/5 : COPY package.json ./
                 ---> Using cache
                 ---> bbbbbbbbbbbb
                Step 3/5 : RUN npm ci
                 ---> Using cache
                 ---> cccccccccccc
                Step 4/5 : COPY . .
                 ---> dddddddddddd
                Step 5/5 : CMD ["node", "server.js"]
                 ---> Running in eeeeeeeeeeee
                 ---> ffffffffffff
                """);

        assertThat(output.steps()).isEqualTo(4);
        assertThat(output.cachedSteps()).isEqualTo(2);
    }

    @Test
    void knowsTheContainerOfTheStepThatIsStillRunning() {
        output.append("Step 2/3 : RUN echo hi\n ---> Running in 111111111111\n ---> 222222222222\n");
        assertThat(output.runningContainer()).isEmpty();

        output.append("Step 3/3 : RUN sleep 120\n ---> Running in 333333333333\n");
        assertThat(output.runningContainer()).hasValue("333333333333");
    }

    @Test
    void explainsAFailureWithTheFirstErrorLineOfTheFailingStep() {
        output.append("""
                Step 2/5 : RUN npm install
                 ---> Running in 0123456789ab
                npm WARN deprecated thing@1.0.0: failed to be useful
                npm ERR! code SELF_SIGNED_CERT_IN_CHAIN
                npm ERR! errno SELF_SIGNED_CERT_IN_CHAIN
                npm ERR! A complete log of this run can be found in: /root/.npm/_logs/x.log
                """);

        assertThat(output.failureLine("The command '/bin/sh -c npm install' returned a non-zero code: 1"))
                .isEqualTo("npm ERR! code SELF_SIGNED_CERT_IN_CHAIN");
    }

    @Test
    void fallsBackToTheEnginesError() {
        output.append("Step 2/2 : RUN exit 3\n ---> Running in 0123456789ab\n");

        assertThat(output.failureLine("The command '/bin/sh -c exit 3' returned a non-zero code: 3"))
                .isEqualTo("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    }

    @Test
    void namesABaseImageThatCannotBeFound() {
        output.append("Step 1/3 : FROM --platform=linux/amd64 paas/missing:1 AS build\n");
        output.error("pull access denied for paas/missing");

        assertThat(output.failureLine("pull access denied for paas/missing")).isEqualTo("base image paas/missing:1 is"
                + " not available in the local Docker engine and could not be pulled (pull access denied for"
                + " paas/missing)");
        assertThat(log).last().isEqualTo("ERROR: pull access denied for paas/missing");
    }

    @Test
    void keepsTheLastRedrawOfAProgressLineWithoutColours() {
        output.append("\u001B[32m10%\r50%\r100% done\u001B[0m\n");

        assertThat(log).containsExactly("100% done");
    }
}
