package jp.homebiyori.infra;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * AWS's own linter on the template: cfn-lint expands the SAM transform with aws-sam-translator (as
 * CloudFormation will) and checks every resource against the CloudFormation resource schemas - property
 * names, types, allowed values, references. It is a Python tool that is not on Maven Central; on a machine
 * without it (PyPI is not reachable from these machines) the test is skipped and says so, and the other
 * tests of this module still hold the template to the design.
 */
class CfnLintTest {

    @Test
    void theTemplatePassesCfnLint() throws IOException, InterruptedException {
        Optional<Path> cfnLint = onPath("cfn-lint");
        assumeTrue(cfnLint.isPresent(), "cfn-lint is not installed here: the template was not linted (pip install cfn-lint)");

        Path output = Files.createTempFile("cfn-lint", ".txt");
        Process process = new ProcessBuilder(cfnLint.get().toString(), Template.file().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertThat(finished).as("cfn-lint finished within 3 minutes").isTrue();
        // exit 0: no errors, no warnings (informational findings would be 8)
        assertThat(process.exitValue()).as("cfn-lint findings:%n%s", report).isIn(0, 8);
    }

    /** A negative control: the same linter refuses a template with an unknown property. */
    @Test
    void cfnLintRefusesABrokenTemplate() throws IOException, InterruptedException {
        Optional<Path> cfnLint = onPath("cfn-lint");
        assumeTrue(cfnLint.isPresent(), "cfn-lint is not installed here");
        Path broken = Files.createTempFile("broken-template", ".yaml");
        Files.writeString(broken, Files.readString(Template.file())
                .replaceFirst("MemorySize: 128", "MemorySize: 128\n      MemorySizeTypo: 1"));
        Process process = new ProcessBuilder(cfnLint.get().toString(), broken.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        Files.deleteIfExists(broken);
        assertThat(process.exitValue()).as("cfn-lint exit code for a broken template").isNotIn(0, 8);
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
