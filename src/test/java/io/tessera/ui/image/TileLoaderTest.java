package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.DziTiler;
import io.tessera.core.dzi.FolderTileSink;
import io.tessera.core.dzi.TilingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Loads whose answer comes after the view changed its mind: a tile asked for again while it was
 * in flight (and so not queued a second time) must still arrive. The tiles are real, from a
 * folder the tiler wrote; the source in front of them answers when the test lets it, as a slow
 * server would.
 */
class TileLoaderTest {
  @TempDir static Path dir;
  private static FolderDziSource folder;

  private final BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
  private CountDownLatch gate;
  private CountDownLatch asked;
  /** How many answers, from the first, say "not there yet". */
  private final AtomicInteger notYet = new AtomicInteger();

  @BeforeAll
  static void pyramid() throws Exception {
    FxToolkit.registerPrimaryStage();
    Path picture = TestPictures.write(dir.resolve("grid.png"), 600, 400);
    try (FolderTileSink sink = new FolderTileSink(dir.resolve("grid"))) {
      DziTiler.tile(picture, sink, DziOptions.defaults(), TilingListener.NONE);
    }
    folder = FolderDziSource.open(dir.resolve("grid.dzi"));
  }

  @BeforeEach
  void open() {
    gate = new CountDownLatch(1);
    asked = new CountDownLatch(1);
    notYet.set(0);
  }

  /** The folder's tiles, each answered once the gate opens, the first {@link #notYet} as missing. */
  private final DziSource slow = new DziSource() {
    @Override
    public DziInfo info() {
      return folder.info();
    }

    @Override
    public byte[] tile(int level, int column, int row) throws IOException {
      asked.countDown();
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      return notYet.getAndDecrement() > 0 ? null : folder.tile(level, column, row);
    }
  };

  private TileLoader loader() {
    return new TileLoader(1, (gen, tile, image, failure) ->
        arrivals.add(gen + " " + tile + " " + (image == null ? "missing" : (int) image.getWidth())));
  }

  private static final TileId TILE = new TileId(10, 1, 0);

  @Test
  void aTileAskedForAgainWhileInFlightArrivesOnceForTheImageNowShown() throws Exception {
    OpenImage before = OpenImage.of("before.png", slow);
    OpenImage after = OpenImage.of("after.png", slow);
    TileLoader loader = loader();

    loader.want(before, 1, List.of(TILE));
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    loader.want(after, 2, List.of(TILE)); // in flight for the image before: not queued again
    gate.countDown();

    assertThat(arrivals.poll(10, TimeUnit.SECONDS)).isEqualTo("2 " + TILE + " 256");
    assertThat(arrivals.poll(200, TimeUnit.MILLISECONDS)).as("nothing for the image closed").isNull();
  }

  @Test
  void aTileMissingBeforeTheSourceChangedIsAskedForAgain() throws Exception {
    OpenImage image = OpenImage.of("tiling.png", slow);
    TileLoader loader = loader();
    notYet.set(1);

    loader.want(image, 1, List.of(TILE));
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    loader.want(image, 2, List.of(TILE)); // the source changed while the tile was in flight
    gate.countDown();

    assertThat(arrivals.poll(10, TimeUnit.SECONDS)).isEqualTo("2 " + TILE + " 256");
  }

  @Test
  void tilesNoLongerWantedAreNotFetched() throws Exception {
    OpenImage image = OpenImage.of("grid.png", slow);
    TileLoader loader = loader();
    TileId other = new TileId(10, 0, 1);

    loader.want(image, 1, List.of(TILE, other, new TileId(10, 2, 1)));
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    loader.want(image, 1, List.of(other)); // the view moved on while TILE was being fetched
    gate.countDown();

    assertThat(arrivals.poll(10, TimeUnit.SECONDS)).isEqualTo("1 " + other + " 255");
    assertThat(arrivals.poll(200, TimeUnit.MILLISECONDS)).as("TILE was dropped undecoded").isNull();
    assertThat(loader.pending()).isZero();
  }

  @Test
  void aPictureDecodedWholeIsItsOwnTile() throws Exception {
    Image photo = new javafx.scene.image.WritableImage(64, 48);
    OpenImage image = OpenImage.of("photo.jpg", photo);
    TileLoader loader = loader();
    TileId only = new TileId(image.getInfo().maxLevel(), 0, 0);

    loader.want(image, 1, List.of(only));

    assertThat(arrivals.poll(10, TimeUnit.SECONDS)).isEqualTo("1 " + only + " 64");
  }
}
