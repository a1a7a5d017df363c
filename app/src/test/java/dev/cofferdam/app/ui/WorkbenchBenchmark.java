package dev.cofferdam.app.ui;

import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.SceneFactory;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.graph.ForceLayout;
import dev.cofferdam.app.ui.graph.GraphData;
import dev.cofferdam.app.ui.graph.GraphEdge;
import dev.cofferdam.app.ui.graph.GraphNode;
import dev.cofferdam.app.ui.graph.GraphView;
import dev.cofferdam.app.ui.graph.LaidOutGraph;
import dev.cofferdam.app.ui.open.RecentRepositories;
import dev.cofferdam.app.ui.workbench.GraphViewModel;
import dev.cofferdam.app.ui.workbench.SelectionViewModel;
import dev.cofferdam.app.ui.workbench.WorkbenchView;
import dev.cofferdam.app.ui.workbench.WorkbenchViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * Not a test: measures the workbench in a real window (run it under Xvfb with software rendering).
 * 1. open-to-first-painted-graph of a repository, twice (the first cold when the cache is empty),
 *    with the longest FX-thread stall (gap between pulses) while mapping;
 * 2. frame times while panning a 300-node graph.
 * Usage: {@code java -cp "app/target/dist/lib/*:app/target/test-classes" dev.cofferdam.app.ui.WorkbenchBenchmark [REPO]}
 */
public final class WorkbenchBenchmark {
    private WorkbenchBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(Bench.class, args);
    }

    /** The measuring application. */
    public static final class Bench extends Application {
        private final List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        private WorkbenchViewModel vm;
        private WorkbenchView view;

        @Override
        public void start(Stage stage) {
            UiThreads threads = new UiThreads(NamedExecutors.cached("bench"), Platform::runLater);
            EngineWiring engine = EngineWiring.create();
            vm = new WorkbenchViewModel(threads, engine.mapService(), new GraphViewModel(threads),
                    new SelectionViewModel(threads, engine.blastSource()));
            view = new WorkbenchView(vm, new RecentRepositories(Preferences.userRoot().node("dev/cofferdam/bench")));
            stage.setScene(new SceneFactory().create(view, 1280, 800));
            stage.show();
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        gaps.add(now - last);
                    }
                    last = now;
                    lastPulse = System.nanoTime();
                }
            }.start();
            Thread fxThread = Thread.currentThread();
            Thread watchdog = new Thread(() -> watch(fxThread), "bench-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            List<String> raw = getParameters().getRaw();
            Thread runner = new Thread(() -> run(raw.isEmpty() ? null : Path.of(raw.get(0))), "bench-runner");
            runner.setDaemon(true);
            runner.start();
        }

        private volatile long lastPulse = System.nanoTime();
        private volatile String worstStall = "";
        private volatile long worstStallNanos;

        /** Samples the FX thread's stack when no pulse came for 50 ms, to tell what stalled it. */
        private void watch(Thread fx) {
            while (true) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
                long gap = System.nanoTime() - lastPulse;
                if (gap > 50_000_000L && gap > worstStallNanos) {
                    worstStallNanos = gap;
                    StackTraceElement[] stack = fx.getStackTrace();
                    StringBuilder b = new StringBuilder();
                    // the top frames, then the app's and the toolkit's own frames that led there
                    for (int i = 0; i < stack.length; i++) {
                        String frame = stack[i].toString();
                        if (i < 3 || frame.contains("dev.cofferdam") || frame.contains("javafx.scene")) {
                            b.append("\n      at ").append(frame);
                        }
                        if (b.length() > 1500) {
                            break;
                        }
                    }
                    worstStall = b.toString();
                }
            }
        }

        private void run(Path repo) {
            try {
                // A person opens a repository once the window is on screen: let the first frames of the
                // window finish (they are a start-up cost of their own, printed apart) before measuring.
                print("window shown: first frames done after %d ms; longest FX stall meanwhile %.1f ms",
                        settle() / 1_000_000, gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
                if (repo != null) {
                    for (String round : List.of("first open", "second open")) {
                        gaps.clear();
                        worstStallNanos = 0;
                        worstStall = "";
                        long t0 = System.nanoTime();
                        long painted = openAndWaitForPaint(repo);
                        long maxGap = gaps.stream().mapToLong(Long::longValue).max().orElse(0);
                        print("%s of %s: first graph painted after %d ms; longest FX stall %.1f ms; %d nodes",
                                round, repo.getFileName(), (painted - t0) / 1_000_000, maxGap / 1e6,
                                vm.graph().graphProperty().get().data().nodes().size());
                        if (!worstStall.isEmpty()) {
                            print("  FX thread during the longest stall:%s", worstStall);
                        }
                    }
                }
                LaidOutGraph graph = ForceLayout.layout(synthetic(300, 900));
                onFx(() -> view.graphView().setGraph(graph));
                Thread.sleep(500);
                panFrames(600);
            } catch (Exception e) {
                print("benchmark failed: %s", e);
            } finally {
                Platform.exit();
            }
        }

        /**
         * Waits until 30 pulses in a row came within 50 ms of each other (at most 20 s).
         *
         * @return nanoseconds waited
         */
        private long settle() throws InterruptedException {
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                Thread.sleep(100);
                List<Long> all;
                synchronized (gaps) {
                    all = new ArrayList<>(gaps);
                }
                if (all.size() >= 30 && all.subList(all.size() - 30, all.size()).stream()
                        .allMatch(g -> g < 50_000_000L)) {
                    break;
                }
            }
            return System.nanoTime() - t0;
        }

        /** Opens and waits for the pulse after the open finished (the graph is set in that same FX task). */
        private long openAndWaitForPaint(Path repo) throws Exception {
            CompletableFuture<Long> painted = new CompletableFuture<>();
            onFx(() -> {
                vm.busyProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                        if (!busy) {
                            vm.busyProperty().removeListener(this);
                            if (!vm.errorProperty().get().isEmpty()) {
                                painted.completeExceptionally(new IllegalStateException(vm.errorProperty().get()));
                            } else {
                                Platform.runLater(() -> painted.complete(System.nanoTime()));
                            }
                        }
                    }
                });
                vm.open(repo);
            });
            return painted.get(10, TimeUnit.MINUTES);
        }

        private void panFrames(int frames) throws Exception {
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> done = new CompletableFuture<>();
            GraphView graphView = view.graphView();
            onFx(() -> new AnimationTimer() {
                private long last;
                private int n;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        times.add(now - last);
                    }
                    last = now;
                    graphView.pan(n++ % 200 < 100 ? 3 : -3, 1);
                    if (n > frames) {
                        stop();
                        done.complete(null);
                    }
                }
            }.start());
            long cpuBefore = renderCpuNanos();
            done.get(5, TimeUnit.MINUTES);
            double cpuPerFrame = (renderCpuNanos() - cpuBefore) / 1e6 / frames;
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            double total = sorted.stream().mapToLong(Long::longValue).sum() / 1e9;
            print("panning a 300-node graph: %.1f fps over %d frames; median frame %.1f ms, p95 %.1f ms, max %.1f ms;"
                    + " FX + render threads' CPU %.1f ms per frame (%.0f fps if they had a core each)",
                    sorted.size() / total, sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.95)) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
                    cpuPerFrame, 1000 / Math.max(cpuPerFrame, 1e-3));
        }

        /** CPU time used so far by the FX application thread and the render thread. */
        private static long renderCpuNanos() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("JavaFX Application Thread") || t.getName().startsWith("QuantumRenderer")) {
                    sum += Math.max(0, bean.getThreadCpuTime(t.getId()));
                }
            }
            return sum;
        }

        private static GraphData synthetic(int nodes, int edges) {
            Random random = new Random(7);
            List<GraphNode> n = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                n.add(new GraphNode(String.format("f%03d", i), "File" + i, 20 + random.nextInt(400), "m" + i % 6,
                        GraphNode.NodeKind.FILE));
            }
            List<GraphEdge> e = new ArrayList<>();
            for (int i = 0; i < edges; i++) {
                int a = random.nextInt(nodes);
                int b = random.nextInt(nodes);
                e.add(new GraphEdge(n.get(a).id(), n.get(b).id(), 1 + random.nextInt(5), i % 40 == 0));
            }
            return new GraphData(n, e, "");
        }

        private static void onFx(Runnable r) throws Exception {
            CompletableFuture<Void> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                r.run();
                f.complete(null);
            });
            f.get(1, TimeUnit.MINUTES);
        }

        private static void print(String format, Object... args) {
            System.out.println(String.format(Locale.ROOT, format, args));
        }
    }
}
