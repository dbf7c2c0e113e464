package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import dev.paas.build.stack.BuildOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRunnerTest {

    private final UUID id = UUID.fromString("0192f0a1-0000-7000-8000-000000000001");

    @Test
    void tagsImagesWithSlugAndDeployment() {
        assertThat(BuildRunner.imageTag(claimed("shop-2"))).isEqualTo("paas-app/shop-2:" + id);
    }

    @Test
    void refusesASlugThatCannotNameAnImage() {
        assertThatThrownBy(() -> BuildRunner.imageTag(claimed("Shop_2")))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("project slug 'Shop_2' cannot name an image");
        assertThatThrownBy(() -> BuildRunner.imageTag(claimed("-shop"))).isInstanceOf(BuildFailure.class);
    }

    private ClaimedBuild claimed(String slug) {
        return new ClaimedBuild(id, UUID.randomUUID(), slug, "https://example.com/x.git", "main", 1);
    }

    @Test
    void theAppRootIsTheRootDirectorySettingWhenItNamesADirectoryInsideTheCheckout(@TempDir Path checkout,
            @TempDir Path elsewhere) throws IOException {
        Files.createDirectories(checkout.resolve("apps/web"));
        Files.createSymbolicLink(checkout.resolve("out"), elsewhere);

        assertThat(BuildRunner.appRoot(checkout, BuildOverrides.NONE)).isEqualTo(checkout);
        assertThat(BuildRunner.appRoot(checkout, rootDirectory("apps/web"))).isEqualTo(checkout.resolve("apps/web"));
        assertThat(BuildRunner.appRoot(checkout, rootDirectory("../.."))).isEqualTo(checkout);
        assertThat(BuildRunner.appRoot(checkout, rootDirectory("out"))).isEqualTo(checkout);
        assertThat(BuildRunner.appRoot(checkout, rootDirectory("missing"))).isEqualTo(checkout);
    }

    private static BuildOverrides rootDirectory(String directory) {
        return new BuildOverrides(directory, null, null, null, null, null);
    }
}
