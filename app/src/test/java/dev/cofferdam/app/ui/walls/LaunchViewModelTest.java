package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.app.run.RunStore;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.egress.HostServices;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Tier;
import dev.cofferdam.vm.sandbox.RefusingEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch dialog's view model against a real sandbox service on temp dirs. Only refusals are
 * exercised (no guest boots here: the vm ITs boot guests); each must show the service's message
 * inline, keep the fields, and leave no policy file behind.
 */
class LaunchViewModelTest {
    @TempDir
    Path dir;

    private final List<Object> launched = new ArrayList<>();

    private LaunchViewModel vm(SandboxService service, PolicyStore store) {
        return new LaunchViewModel(UiThreads.direct(), service, store,
                new PolicyViewModel(UiThreads.direct(), store, BalancedAllowlist.shipped()));
    }

    private SandboxService service() throws Exception {
        return new SandboxService(new VmDirs(dir.resolve("d"), dir.resolve("c")), new RefusingEgressRelay(),
                SandboxService.Options.defaults());
    }

    @Test
    void anInvalidNameIsRefusedInlineAndThePolicyFileIsPutBack() throws Exception {
        PolicyStore store = new PolicyStore(dir.resolve("config"));
        try (SandboxService service = service()) {
            LaunchViewModel vm = vm(service, store);
            vm.policy().setTier(Tier.LOCKED_DOWN);
            vm.nameProperty().set("Agent_1");
            vm.launch(launched::add);
            assertThat(vm.errorProperty().get()).startsWith("invalid sandbox name 'Agent_1'");
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.nameProperty().get()).isEqualTo("Agent_1");
            assertThat(store.read("Agent_1")).isEqualTo(PolicyDocument.EMPTY);
            assertThat(launched).isEmpty();
            assertThat(service.list()).isEmpty();
        }
    }

    @Test
    void resourcesAndWorkspaceAreValidatedByTheService() throws Exception {
        PolicyStore store = new PolicyStore(dir.resolve("config"));
        try (SandboxService service = service()) {
            LaunchViewModel vm = vm(service, store);
            vm.nameProperty().set("agent");
            vm.cpusProperty().set(10_000);
            vm.launch(launched::add);
            assertThat(vm.errorProperty().get()).startsWith("--cpus 10000 is out of range");
            vm.cpusProperty().set(1);
            Path file = Files.writeString(dir.resolve("a-file"), "x");
            vm.workspaceProperty().set(file.toString());
            vm.launch(launched::add);
            assertThat(vm.errorProperty().get()).isEqualTo("workspace " + file + " is a file, not a directory");
            vm.workspaceProperty().set("");
            vm.nameProperty().set(" ");
            vm.launch(launched::add);
            assertThat(vm.errorProperty().get()).startsWith("give the sandbox a name");
            assertThat(launched).isEmpty();
            assertThat(store.read("agent")).as("refused launches leave the policy as it was").isEqualTo(PolicyDocument.EMPTY);
        }
    }

    @Test
    void theSpecCarriesEveryField() throws Exception {
        try (SandboxService service = service()) {
            LaunchViewModel vm = vm(service, new PolicyStore(dir.resolve("config")));
            vm.nameProperty().set(" agent-2 ");
            vm.workspaceProperty().set(dir.toString());
            vm.cloneProperty().set(true);
            vm.cpusProperty().set(2);
            vm.memoryProperty().set(512);
            var spec = vm.spec();
            assertThat(spec.name()).isEqualTo("agent-2");
            assertThat(spec.workspace()).isEqualTo(Optional.of(dir));
            assertThat(spec.cloneWorkspace()).isTrue();
            assertThat(spec.cpus()).isEqualTo(2);
            assertThat(spec.memoryMiB()).isEqualTo(512);
            assertThat(spec.template()).isEqualTo("tiny");
        }
    }

    @Test
    void choosingAnAgentPicksTheAgentTemplateAndRefusesWhatCannotStart() throws Exception {
        PolicyStore store = new PolicyStore(dir.resolve("config"));
        try (SandboxService service = service()) {
            LaunchViewModel bare = vm(service, store);
            assertThat(LaunchViewModel.agentChoices()).containsExactly("none", "claude", "codex", "gemini", "shell");
            bare.agentProperty().set("claude");
            assertThat(bare.templateProperty().get()).isEqualTo("agent");
            assertThat(bare.memoryProperty().get()).isEqualTo(2048);
            bare.launch(launched::add);
            assertThat(bare.errorProperty().get()).contains("the egress proxy is not running");

            AgentRun.Context ctx = new AgentRun.Context(service, new HostServices(), store,
                    new RunStore(dir.resolve("data")), dir.resolve("data"), "test");
            LaunchViewModel vm = new LaunchViewModel(UiThreads.direct(), service, store,
                    new PolicyViewModel(UiThreads.direct(), store, BalancedAllowlist.shipped()), Optional.of(ctx));
            vm.agentProperty().set("shell");
            vm.launch(launched::add);
            assertThat(vm.errorProperty().get()).isEqualTo("an agent needs a workspace: choose the repository it works on");
            Path ws = Files.createDirectories(dir.resolve("My Repo"));
            vm.workspaceProperty().set(ws.toString());
            vm.policy().setTier(Tier.OPEN);
            vm.launch(launched::add);
            assertThat(vm.nameProperty().get()).isEqualTo("shell-my-repo");
            assertThat(vm.errorProperty().get()).contains("image 'agent' is not built").contains("cofferdam image build agent");
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(store.read("shell-my-repo")).isEqualTo(PolicyDocument.EMPTY);
            assertThat(launched).isEmpty();
            assertThat(service.list()).isEmpty();
        }
    }
}
