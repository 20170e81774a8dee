package io.tessera.ui.image;

import io.tessera.api.dto.DeepZoomDtos.ContentDto;
import io.tessera.client.ApiException;
import io.tessera.client.DeepZoomClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens pictures through the service's deep-zoom API ({@code /v1/content}): the service tiles the
 * file as a job (or finds it tiled before: the same file is the same content), and the pane reads
 * the tiles over HTTP — those already written while the job goes on, so the picture shows at
 * once. The same content is what sharing, the share page and GCP marking use.
 */
public final class ServiceDziOpener implements DziOpener {
  private static final long POLL_MS = 250;
  private static final long DESCRIPTOR_WAIT_MS = 60_000;

  private final DeepZoomClient client;
  private final DziOpener outsideService;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tessera-dzi-progress");
        t.setDaemon(true);
        return t;
      });

  /**
   * @param outsideService opens files the service may not read (outside the folders it allows,
   *     on the desktop the user's home), and any file while the service cannot be reached: they
   *     are tiled on this machine instead, not copied into the service
   */
  public ServiceDziOpener(DeepZoomClient client, DziOpener outsideService) {
    this.client = client;
    this.outsideService = outsideService;
  }

  @Override
  public DziOpening open(Path file) throws ImageReadException {
    ContentDto content;
    try {
      content = client.fromFile(file);
    } catch (ApiException e) {
      boolean refused = e.status() == 400 && e.getMessage().contains("outside the folders");
      if (refused || e.status() == 0) {
        // a path the service may not read, or no service to ask: tiled on this machine
        return outsideService.open(file);
      }
      throw new ImageReadException(file.getFileName() + " cannot be shown: " + e.getMessage(),
          e);
    }
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DESCRIPTOR_WAIT_MS);
      String xml = client.descriptor(content.id());
      while (xml == null) {
        content = client.content(content.id());
        if (content.failed()) {
          throw new ImageReadException(file.getFileName() + " cannot be shown: the service"
              + " could not tile it (" + reason(content.id()) + ")");
        }
        if (System.nanoTime() > deadline) {
          throw new ImageReadException(file.getFileName() + " is taking too long to start"
              + " tiling; try again in a moment");
        }
        Thread.sleep(50);
        xml = client.descriptor(content.id());
      }
      DziInfo info = DziInfo.parse(xml.getBytes(StandardCharsets.UTF_8));
      return new Opening(content, new ContentDziSource(client, content.id(), info));
    } catch (ApiException | IOException e) {
      throw new ImageReadException(file.getFileName() + " cannot be shown: " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageReadException("opening " + file.getFileName() + " was interrupted", e);
    }
  }

  /** The reason the service gives for a failed tiling, from {@code /v1/dzi/{id}}. */
  private String reason(String id) {
    try {
      client.dzi(id);
      return "no reason given";
    } catch (ApiException e) {
      return e.getMessage();
    }
  }

  /** Follows the content's progress on a background thread, so the pane's polls never block. */
  private final class Opening implements DziOpening {
    private final String id;
    private final DziSource source;
    private volatile double progress;
    private volatile boolean complete;
    private volatile ImageReadException failure;
    private final ScheduledFuture<?> polling;

    Opening(ContentDto first, DziSource source) {
      this.id = first.id();
      this.source = source;
      update(first);
      this.polling = complete || failure != null ? null
          : poller.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    private void poll() {
      try {
        update(client.content(id));
      } catch (ApiException e) {
        failure = new ImageReadException("the service stopped answering: " + e.getMessage(), e);
      }
      if ((complete || failure != null) && polling != null) {
        polling.cancel(false);
      }
    }

    private void update(ContentDto c) {
      progress = c.progress();
      complete = c.ready();
      if (c.failed()) {
        failure = new ImageReadException("the service could not tile the picture ("
            + reason(id) + ")");
      }
    }

    @Override
    public DziSource source() {
      return source;
    }

    @Override
    public double progress() {
      return progress;
    }

    @Override
    public boolean isComplete() {
      return complete;
    }

    @Override
    public ImageReadException failure() {
      return failure;
    }

    @Override
    public void cancel() {
      if (polling != null) {
        polling.cancel(false);
      }
    }
  }
}
