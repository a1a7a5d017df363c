package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Usage errors of {@code image build} with OCI sources: exit 2 and one line, before any engine or image work. */
class ImageBuildCliTest {
    @RegisterExtension
    final StdStreams std = new StdStreams();

    private String run(String... args) {
        std.reset();
        assertThat(CofferdamCommand.run(args)).as(String.join(" ", args)).isEqualTo(2);
        return std.err();
    }

    @Test
    void exactlyOneSource() {
        String one = "cofferdam: give exactly one of TEMPLATE (tiny|agent), --from-docker IMAGE or --dockerfile PATH"
                + System.lineSeparator();
        assertThat(run("image", "build")).isEqualTo(one);
        assertThat(run("image", "build", "tiny", "--from-docker", "busybox")).isEqualTo(one);
        assertThat(run("image", "build", "--from-docker", "busybox", "--dockerfile", "Dockerfile")).isEqualTo(one);
    }

    @Test
    void nameAndForceOnlyWithOciSources() {
        assertThat(run("image", "build", "tiny", "--name", "mine"))
                .isEqualTo("cofferdam: --name and --force go with --from-docker or --dockerfile" + System.lineSeparator());
    }

    @Test
    void builtInOrInvalidNamesAreRefused() {
        assertThat(run("image", "build", "--from-docker", "busybox", "--name", "agent")).isEqualTo(
                "cofferdam: template name 'agent' is taken by a built-in template: choose another with --name"
                        + System.lineSeparator());
        assertThat(run("image", "build", "--from-docker", "!!!")).isEqualTo(
                "cofferdam: cannot make a template name from !!!: give one with --name" + System.lineSeparator());
    }
}
