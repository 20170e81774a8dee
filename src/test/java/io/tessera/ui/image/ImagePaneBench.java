package io.tessera.ui.image;

import io.tessera.ui.task.FxTaskExecutor;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: the driver of {@code bench/image-pane}. Shows an {@link ImagePane} in a real window
 * (run it under Xvfb), opens an already tiled picture through the pane's own open flow and times
 * the first tiles, then drags and wheels over it with the JavaFX robot (real input events) while
 * recording every pulse: the FX thread's share from JavaFX's pulse logger, and the gap between
 * pulses from an {@link AnimationTimer}. The same script runs over the anchors: the pane with a
 * photo decoded whole (as the pane drew pictures before deep zoom) and the empty pane.
 *
 * <p>{@code java -cp TEST_CLASSPATH io.tessera.ui.image.ImagePaneBench PICTURE CACHE_DIR PHOTO
 * [OPENS]}: PICTURE is tiled into CACHE_DIR first unless it is there already (timed, not
 * counted).
 */
public final class ImagePaneBench {
  private static final double WIDTH = 1280;
  private static final double HEIGHT = 800;
  /** Pulses whose FX thread took longer are logged whole, phases and all. */
  private static final double SLOW_PULSE_MS = 30;
  private static final Pattern PULSE = Pattern.compile("PULSE: (\\d+) \\[(\\d+)ms:(\\d+)ms\\]");
  private static final Pattern PHASE = Pattern.compile("T(\\d+) \\((\\d+) \\+(\\d+)ms\\): (.*)");

  /** The phase pulses are counted for now; null between phases. Written on the FX thread. */
  private static volatile String phase;
  private static volatile long fxThreadId = -1;
  private static final Map<String, List<Double>> FX_MS = new LinkedHashMap<>();
  private static final Map<String, List<Double>> WORK_MS = new LinkedHashMap<>();
  private static final Map<String, List<Double>> PULSE_MS = new LinkedHashMap<>();
  private static final Map<String, List<Double>> GAP_MS = new LinkedHashMap<>();
  private static final Map<String, List<Double>> DRAW_MS = new LinkedHashMap<>();
  /** CPU milliseconds of the FX thread and of the render thread over each phase. */
  private static final Map<String, double[]> CPU_MS = new LinkedHashMap<>();
  /** A display frame: the input script moves the mouse this often, as a hand on a 60 Hz screen. */
  private static final long STEP_MICROS = 16_667;

  private static ImagePane pane;
  private static ImageViewModel vm;
  /**
   * AWT's robot rather than JavaFX's: it runs on a thread of its own, so that its waits for the
   * X server (which slow down with the machine's load) do not count as the FX thread's time.
   */
  private static Robot robot;

  private ImagePaneBench() {}

  public static void main(String[] args) throws Exception {
    Path picture = Path.of(args[0]);
    Path cache = Path.of(args[1]);
    Path photo = Path.of(args[2]);
    int opens = args.length > 3 ? Integer.parseInt(args[3]) : 7;
    System.setProperty("javafx.pulseLogger", "true");
    System.setProperty("javafx.pulseLogger.threshold", "-1"); // every pulse in full
    System.setErr(new PrintStream(new PulseParser(System.err), true, StandardCharsets.UTF_8));

    Platform.startup(() -> { });
    Platform.setImplicitExit(false);
    FxTaskExecutor executor = new FxTaskExecutor(3);
    LocalDziOpener opener = new LocalDziOpener(cache);
    onFx(() -> {
      fxThreadId = Thread.currentThread().getId();
      vm = new ImageViewModel(executor, opener);
      pane = watched(new ImagePane(vm, () -> { }, vm::open));
      Stage stage = new Stage();
      stage.setScene(new Scene(pane, WIDTH, HEIGHT));
      stage.setX(0);
      stage.setY(0);
      stage.show();
      new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
          String p = phase;
          if (p != null && last != 0) {
            GAP_MS.computeIfAbsent(p, k -> new ArrayList<>()).add((now - last) / 1e6);
          }
          last = now;
        }
      }.start();
      return null;
    });
    robot = new Robot();
    Thread.sleep(1500);

    long t0 = System.nanoTime();
    DziOpening tiling = opener.open(picture);
    if (!tiling.isComplete()) {
      System.out.printf(Locale.ROOT, "# tiling %s into %s once (not counted)…%n", picture, cache);
      while (!tiling.isComplete()) {
        if (tiling.failure() != null) {
          throw tiling.failure();
        }
        Thread.sleep(200);
      }
      System.out.printf(Locale.ROOT, "#   tiled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    DziInfo info = tiling.source().info();

    byte[] photoBytes = Files.readAllBytes(photo);
    List<Double> firstTiles = new ArrayList<>();
    List<Double> allSharp = new ArrayList<>();
    List<Double> photoFirst = new ArrayList<>();
    List<Double> shown = new ArrayList<>();
    for (int i = 0; i < opens; i++) {
      // the photo first: every open of the picture is then a new image with an empty tile cache
      double[] p = timeOpen(() -> vm.show(photo.getFileName().toString(),
          () -> ImageFiles.decode(photo.getFileName().toString(), Files.readAllBytes(photo))));
      photoFirst.add(p[0]);
      double[] t = timeOpen(() -> vm.open(picture));
      firstTiles.add(t[0]);
      allSharp.add(t[1]);
      shown.add(t[2]);
    }

    // the same script over ours, the photo decoded whole, and the empty pane
    interact("tiles", () -> vm.open(picture));
    interact("photo", () -> vm.show(photo.getFileName().toString(),
        () -> ImageFiles.decode(photo.getFileName().toString(), photoBytes)));
    interact("empty", () -> {
      vm = new ImageViewModel(executor, opener);
      ImagePane empty = watched(new ImagePane(vm, () -> { }, vm::open));
      pane.getScene().setRoot(empty);
      pane = empty;
    });

    report(info, photo, firstTiles, allSharp, photoFirst, shown);
    onFx(() -> {
      executor.close();
      Platform.exit();
      return null;
    });
    System.exit(0);
  }

  /** Books the FX thread's drawing time of every frame of {@code p} under the running phase. */
  private static ImagePane watched(ImagePane p) {
    p.tileCanvas().frameProperty().addListener((o, was, f) -> {
      String now = phase;
      if (now != null && f != null) {
        DRAW_MS.computeIfAbsent(now, k -> new ArrayList<>()).add(f.drawNanos() / 1e6);
      }
    });
    return p;
  }

  /**
   * Opens something and returns the milliseconds until the first frame that drew part of it
   * and until the first frame in which every tile in view was sharp and nothing was loading.
   */
  private static double[] timeOpen(Runnable open) throws Exception {
    CompletableFuture<Double> first = new CompletableFuture<>();
    CompletableFuture<Double> sharp = new CompletableFuture<>();
    CompletableFuture<Double> shownAt = new CompletableFuture<>();
    long[] t0 = new long[1];
    OpenImage[] before = new OpenImage[1];
    javafx.beans.value.ChangeListener<OpenImage> opened =
        (o, was, is) -> shownAt.complete((System.nanoTime() - t0[0]) / 1e6);
    javafx.beans.value.ChangeListener<TileCanvas.Frame> listener = (o, was, f) -> {
      double ms = (System.nanoTime() - t0[0]) / 1e6;
      OpenImage shown = vm.imageProperty().get();
      if (f != null && f.images() > 0 && shown != null && shown != before[0]) {
        first.complete(ms);
        if (f.sharp() && f.tiles() > 0 && pane.tileCanvas().pendingTiles() == 0) {
          sharp.complete(ms);
        }
      }
    };
    onFx(() -> {
      pane.tileCanvas().frameProperty().addListener(listener);
      vm.imageProperty().addListener(opened);
      before[0] = vm.imageProperty().get();
      t0[0] = System.nanoTime();
      open.run();
      return null;
    });
    double a = first.get(60, TimeUnit.SECONDS);
    double b;
    try {
      b = sharp.get(60, TimeUnit.SECONDS);
    } finally {
      onFx(() -> {
        pane.tileCanvas().frameProperty().removeListener(listener);
        vm.imageProperty().removeListener(opened);
        return null;
      });
    }
    Thread.sleep(400);
    return new double[] {a, b, shownAt.getNow(Double.NaN)};
  }

  /** Shows something, then drags slowly, drags fast and wheels in and out over it. */
  private static void interact(String target, Runnable show) throws Exception {
    onFx(() -> {
      show.run();
      return null;
    });
    Thread.sleep(1500);
    onFx(() -> {
      pane.requestFocus();
      vm.oneToOne();
      return null;
    });
    Thread.sleep(1500);
    Point2D c = onFx(() -> pane.localToScreen(WIDTH / 2, HEIGHT / 2));
    run(target + " idle", idle(60));
    run(target + " drag 15 px/frame", drags(c, 15, 4));
    run(target + " drag 40 px/frame", drags(c, 40, 4));
    run(target + " wheel", wheel(c));
  }

  private static List<Runnable> idle(int frames) {
    List<Runnable> steps = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      steps.add(() -> { });
    }
    return steps;
  }

  /**
   * {@code count} drags across the window, right to left and down to up, {@code step} pixels
   * a frame: each shows image the view had not shown.
   */
  private static List<Runnable> drags(Point2D c, double step, int count) {
    List<Runnable> steps = new ArrayList<>();
    double span = WIDTH - 200;
    int frames = (int) (span / step);
    for (int d = 0; d < count; d++) {
      double x0 = c.getX() + span / 2;
      double y0 = c.getY() + 150;
      steps.add(() -> robot.mouseMove((int) x0, (int) y0));
      steps.add(() -> robot.mousePress(InputEvent.BUTTON1_DOWN_MASK));
      for (int i = 1; i <= frames; i++) {
        int x = (int) Math.round(x0 - i * step);
        int y = (int) Math.round(y0 - i * step * 300 / span);
        steps.add(() -> robot.mouseMove(x, y));
      }
      steps.add(() -> robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK));
    }
    return steps;
  }

  /**
   * Wheel notches at the cursor, one every third frame: 5 out, 17 in, 12 out, back at 1:1. The
   * picture and the photo fill the window all along (the photo is 1,400 px wide 5 notches out),
   * so that both are painted over the same area in every frame.
   */
  private static List<Runnable> wheel(Point2D c) {
    List<Runnable> steps = new ArrayList<>();
    steps.add(() -> robot.mouseMove((int) c.getX() + 100, (int) c.getY() + 50));
    for (int notch : new int[] {5, -17, 12}) {
      for (int i = 0; i < Math.abs(notch); i++) {
        int out = notch > 0 ? 1 : -1;
        steps.add(() -> robot.mouseWheel(out));
        steps.add(() -> { });
        steps.add(() -> { });
      }
    }
    return steps;
  }

  /** Plays {@code steps} one a display frame, on a thread of their own, counting under {@code name}. */
  private static void run(String name, List<Runnable> steps) throws Exception {
    ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch done = new CountDownLatch(1);
    Iterator<Runnable> next = steps.iterator();
    double[] cpu0 = {cpuMillis(fxThreadId), cpuMillis(renderThreadId())};
    phase = name;
    ScheduledFuture<?> playing = player.scheduleAtFixedRate(() -> {
      if (next.hasNext()) {
        next.next().run();
      } else {
        done.countDown();
      }
    }, 0, STEP_MICROS, TimeUnit.MICROSECONDS);
    try {
      if (!done.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not finish");
      }
    } finally {
      playing.cancel(false);
      player.shutdown();
    }
    Thread.sleep(300); // the last pulses' log lines
    phase = null;
    CPU_MS.put(name, new double[] {
        cpuMillis(fxThreadId) - cpu0[0], cpuMillis(renderThreadId()) - cpu0[1]});
    Thread.sleep(500);
  }

  /** The thread that paints frames (Prism's renderer), or -1. */
  private static long renderThreadId() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("QuantumRenderer")) {
        return t.getId();
      }
    }
    return -1;
  }

  private static double cpuMillis(long threadId) {
    long nanos = threadId < 0 ? -1 : ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId);
    return nanos < 0 ? Double.NaN : nanos / 1e6;
  }

  private static void report(DziInfo info, Path photo, List<Double> firstTiles,
      List<Double> allSharp, List<Double> photoFirst, List<Double> shown) throws IOException {
    System.out.println();
    System.out.printf(Locale.ROOT, "# picture %,d × %,d px (%.0f MP), %d levels; window %.0f × %.0f;"
        + " %d opens each%n", info.width(), info.height(), info.width() * (double) info.height() / 1e6,
        info.maxLevel() + 1, WIDTH, HEIGHT, firstTiles.size());
    double first = median(firstTiles);
    double anchor = median(photoFirst);
    System.out.printf(Locale.ROOT,
        "first tiles   median %6.0f ms   target 300 ms   ratio %.2f   (first open %.0f ms; runs %s;"
            + " anchor: %s decoded whole, open → first frame, median %.0f ms, tiles/anchor %.2f)%n",
        first, first / 300, firstTiles.get(0), list(firstTiles), photo.getFileName(), anchor,
        first / anchor);
    System.out.printf(Locale.ROOT,
        "view sharp    median %6.0f ms   (every tile in view at its level; runs %s;"
            + " of which the open itself, file to descriptor: runs %s)%n",
        median(allSharp), list(allSharp), list(shown));
    for (String motion : List.of("idle", "drag 15 px/frame", "drag 40 px/frame", "wheel")) {
      String ours = "tiles " + motion;
      String photoKey = "photo " + motion;
      String emptyKey = "empty " + motion;
      double oursMax = max(FX_MS.get(ours));
      double photoMax = max(FX_MS.get(photoKey));
      System.out.printf(Locale.ROOT,
          "%-17s FX thread per pulse max %4.0f ms, p99 %4.0f, p50 %3.0f  target max 50 ms  ratio %.2f"
              + "   (own work max %3.0f ms, p99 %3.0f, of which drawing the tiles max %4.1f ms;"
              + " the rest waits for the previous frame's painting; pulse with painting p99 %4.0f"
              + " max %4.0f ms; gap between pulses p99 %4.0f max %4.0f ms; %d pulses)%n",
          motion, oursMax, pct(FX_MS.get(ours), 99), pct(FX_MS.get(ours), 50), oursMax / 50,
          max(WORK_MS.get(ours)), pct(WORK_MS.get(ours), 99), max(DRAW_MS.get(ours)),
          pct(PULSE_MS.get(ours), 99),
          max(PULSE_MS.get(ours)), pct(GAP_MS.get(ours), 99), max(GAP_MS.get(ours)),
          size(FX_MS.get(ours)));
      System.out.printf(Locale.ROOT,
          "%-17s   anchors: photo decoded whole FX max %4.0f ms, p99 %4.0f (own work max %3.0f),"
              + " gap max %4.0f ms, tiles/photo %.2f;  empty pane FX max %4.0f ms, p99 %4.0f%n",
          "", photoMax, pct(FX_MS.get(photoKey), 99), max(WORK_MS.get(photoKey)),
          max(GAP_MS.get(photoKey)), oursMax / Math.max(1, photoMax), max(FX_MS.get(emptyKey)),
          pct(FX_MS.get(emptyKey), 99));
      double[] cpu = CPU_MS.getOrDefault(ours, new double[] {Double.NaN, Double.NaN});
      double[] cpuPhoto = CPU_MS.getOrDefault(photoKey, new double[] {Double.NaN, Double.NaN});
      double[] cpuEmpty = CPU_MS.getOrDefault(emptyKey, new double[] {Double.NaN, Double.NaN});
      System.out.printf(Locale.ROOT,
          "%-17s   CPU over the phase (load-proof): FX thread %5.0f ms, painting %5.0f ms;"
              + " photo %5.0f / %5.0f ms; empty pane %5.0f / %5.0f ms; painting tiles/photo %.2f%n",
          "", cpu[0], cpu[1], cpuPhoto[0], cpuPhoto[1], cpuEmpty[0], cpuEmpty[1],
          cpu[1] / cpuPhoto[1]);
    }
  }

  private static String list(List<Double> v) {
    StringBuilder b = new StringBuilder();
    for (double d : v) {
      b.append(b.length() == 0 ? "" : " ").append(Math.round(d));
    }
    return b.toString();
  }

  private static int size(List<Double> v) {
    return v == null ? 0 : v.size();
  }

  private static double median(List<Double> v) {
    return pct(v, 50);
  }

  private static double max(List<Double> v) {
    return pct(v, 100);
  }

  /** The {@code p}-th percentile (nearest rank); NaN for no values. */
  private static double pct(List<Double> v, double p) {
    if (v == null || v.isEmpty()) {
      return Double.NaN;
    }
    double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    int rank = (int) Math.ceil(p / 100 * a.length);
    return a[Math.max(0, Math.min(a.length - 1, rank - 1))];
  }

  private static <T> T onFx(Callable<T> call) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(call.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result.get(60, TimeUnit.SECONDS);
  }

  /**
   * Reads the pulse logger's lines as they are printed ({@code PULSE: n [interval:total]} then
   * one line per phase, {@code Tthread (start +duration ms): name}), and books each pulse under
   * the phase running when it is printed: its total time, and the FX thread's part (the end of
   * that thread's last phase; waiting for the previous frame's rendering included).
   */
  private static final class PulseParser extends OutputStream {
    private final PrintStream log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder block = new StringBuilder();
    private double total = -1;
    private double fx;
    private double waited;

    PulseParser(PrintStream log) {
      this.log = log;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        parse(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    private void parse(String text) {
      Matcher pulse = PULSE.matcher(text);
      if (pulse.find()) {
        book();
        total = Double.parseDouble(pulse.group(3));
        fx = 0;
        waited = 0;
        block.setLength(0);
        block.append(text).append('\n');
        return;
      }
      Matcher step = PHASE.matcher(text);
      if (step.matches()) {
        block.append("  ").append(text).append('\n');
        if (Long.parseLong(step.group(1)) == fxThreadId) {
          fx = Math.max(fx, Double.parseDouble(step.group(2)) + Double.parseDouble(step.group(3)));
          if (step.group(4).startsWith("Waiting for previous rendering")) {
            waited += Double.parseDouble(step.group(3));
          }
        }
        return;
      }
      if (!text.isBlank() && !text.startsWith("Counters:") && !text.startsWith("\t")
          && !text.startsWith("INTER PULSE")) {
        log.println(text); // anything else is not ours to swallow
      }
    }

    private void book() {
      String p = phase;
      if (total >= 0 && p != null) {
        if (fx > SLOW_PULSE_MS) {
          log.print("slow pulse in " + p + " (FX thread " + fx + " ms; FX thread is T" + fxThreadId
              + "):\n" + block);
        }
        synchronized (FX_MS) {
          FX_MS.computeIfAbsent(p, k -> new ArrayList<>()).add(fx);
          WORK_MS.computeIfAbsent(p, k -> new ArrayList<>()).add(fx - waited);
          PULSE_MS.computeIfAbsent(p, k -> new ArrayList<>()).add(total);
        }
      }
      total = -1;
    }
  }
}
