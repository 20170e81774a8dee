// Upload driver of bench/missions: POSTs multipart/form-data submissions (a zoomer_id field and
// FILES_PER parts named `images`) from C threads over one java.net.http.HttpClient (HTTP/1.1,
// kept-alive connections, Content-Length set): for WARMUP_SECONDS, then for SECONDS (requests
// still open at the end are awaited and counted). Every file part is distinct: the 32-character
// EXIF ImageUniqueID placeholder that Tag.java wrote is overwritten with a per-request hex id (no
// copy of the photo: the part is sent as prefix, id, suffix). Request k takes photos
// k*FILES_PER.. in rotation.
// Prints one line:  ok N  seconds S  subs/s X  MB/s Y  p50_ms A  p90_ms B  jpeg_bytes Z  warmup_ok W
// (MB = 10^6 bytes of JPEG; the multipart framing is not counted.)
// usage: java -cp target/tessera.jar Upload.java URL TOKEN|- EXPECTED_STATUS C SECONDS
//        WARMUP_SECONDS FILES_PER FILE...
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

public class Upload {
  static final byte[] PLACEHOLDER =
      "7e55e4a0b3c4b11d1d000000000000ff".getBytes(StandardCharsets.US_ASCII);

  record Photo(String name, byte[] prefix, byte[] suffix, long size) {}

  static String url;
  static String token;
  static int expected;
  static int filesPer;
  static List<Photo> photos = new ArrayList<>();
  static final AtomicLong next = new AtomicLong();
  static final String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
  static HttpClient client;

  public static void main(String[] args) throws Exception {
    url = args[0];
    token = args[1].equals("-") ? null : args[1];
    expected = Integer.parseInt(args[2]);
    int c = Integer.parseInt(args[3]);
    double seconds = Double.parseDouble(args[4]);
    double warmupSeconds = Double.parseDouble(args[5]);
    filesPer = Integer.parseInt(args[6]);
    for (int i = 7; i < args.length; i++) {
      Path p = Path.of(args[i]);
      byte[] b = Files.readAllBytes(p);
      int at = indexOf(b, PLACEHOLDER);
      if (at < 0) {
        throw new IllegalArgumentException(p + " has no ImageUniqueID placeholder (run Tag.java)");
      }
      photos.add(new Photo(p.getFileName().toString(), Arrays.copyOfRange(b, 0, at),
          Arrays.copyOfRange(b, at + PLACEHOLDER.length, b.length), b.length));
    }
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    // warm-up (the client's JIT too: the sinks are as fast as this client can send), then the run
    Run warm = run(c, warmupSeconds);
    Run timed = run(c, seconds);
    double secs = (timed.last - timed.t0) / 1e9;
    long[] lat = timed.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "ok %d  seconds %.2f  subs/s %.2f  MB/s %.1f  p50_ms %.0f  p90_ms %.0f  jpeg_bytes %d"
            + "  warmup_ok %d%n",
        timed.ok.get(), secs, timed.ok.get() / secs, timed.bytes.get() / secs / 1e6,
        pct(lat, 0.5) / 1e6, pct(lat, 0.9) / 1e6, timed.bytes.get(), warm.ok.get());
  }

  static final class Run {
    final long t0 = System.nanoTime();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    volatile long last = t0;
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  }

  /** C threads sending submissions until SECONDS have passed; the last answers are awaited. */
  static Run run(int c, double seconds) throws InterruptedException {
    Run run = new Run();
    long deadline = run.t0 + (long) (seconds * 1e9);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < c; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < deadline && failure.get() == null) {
                    long s = System.nanoTime();
                    long n = send();
                    long e = System.nanoTime();
                    run.ok.incrementAndGet();
                    run.bytes.addAndGet(n);
                    run.latencies.add(e - s);
                    synchronized (run) {
                      run.last = Math.max(run.last, e);
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      th.start();
      threads.add(th);
    }
    for (Thread th : threads) {
      th.join();
    }
    if (failure.get() != null) {
      System.err.println("upload failed: " + failure.get());
      System.exit(1);
    }
    return run;
  }

  /** One submission; returns the JPEG bytes sent. */
  static long send() throws Exception {
    long k = next.getAndIncrement();
    String boundary = "----tessera-bench-" + nonce + "-" + k;
    List<byte[]> parts = new ArrayList<>();
    parts.add(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"zoomer_id\""
        + "\r\n\r\nusr_bench\r\n"));
    long jpeg = 0;
    for (int f = 0; f < filesPer; f++) {
      Photo p = photos.get((int) ((k * filesPer + f) % photos.size()));
      parts.add(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"images\";"
          + " filename=\"" + p.name() + "\"\r\nContent-Type: image/jpeg\r\n\r\n"));
      String id = String.format(Locale.ROOT, "%s%012x%012x", nonce, k, f); // 8 + 12 + 12 = 32
      parts.add(p.prefix());
      parts.add(ascii(id));
      parts.add(p.suffix());
      parts.add(ascii("\r\n"));
      jpeg += p.size();
    }
    parts.add(ascii("--" + boundary + "--\r\n"));
    long length = parts.stream().mapToLong(b -> b.length).sum();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(parts), length));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(
          "HTTP " + r.statusCode() + " (expected " + expected + "): " + r.body());
    }
    return jpeg;
  }

  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
