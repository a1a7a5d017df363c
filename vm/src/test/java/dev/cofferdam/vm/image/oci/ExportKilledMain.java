package dev.cofferdam.vm.image.oci;

import java.nio.file.Path;

/**
 * Test helper run in its own JVM: starts an export from the engine at args[0] of image args[1],
 * prints "exporting" once the container exists, then waits to be killed.
 */
public final class ExportKilledMain {
    private ExportKilledMain() {
    }

    public static void main(String[] args) throws Exception {
        DockerEngine engine = DockerEngine.connect(new EngineAddress(Path.of(args[0])));
        ContainerExport.export(engine, args[1], tar -> {
            System.out.println("exporting");
            System.out.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
