package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.DziTiler;
import io.tessera.core.dzi.FolderTileSink;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.dzi.TilingListener;
import io.tessera.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Picture files tiled into the cache folder with the real tiler, and reopened from it. */
class LocalDziOpenerTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  private Path cache() {
    return dir.resolve("cache/dzi");
  }

  private static DziOpening finished(DziOpening opening) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> opening.isComplete() || opening.failure() != null);
    return opening;
  }

  @Test
  void aFileIsTiledOnceIntoTheCacheAndReopenedFromIt() throws Exception {
    Path picture = TestPictures.write(dir.resolve("grid.png"), 1000, 700);
    LocalDziOpener opener = new LocalDziOpener(cache());

    DziOpening first = finished(opener.open(picture));

    assertThat(first.failure()).isNull();
    assertThat(first.progress()).isEqualTo(1.0);
    assertThat(first.source().info()).isEqualTo(new DziInfo(1000, 700, 254, 1, "jpg"));
    Path folder;
    try (Stream<Path> entries = Files.list(cache())) {
      folder = entries.findFirst().orElseThrow();
    }
    assertThat(folder.getFileName().toString()).startsWith("grid-");
    assertThat(folder.resolve("image.dzi")).isRegularFile();
    assertThat(first.source().tile(10, 3, 2)).isNotEmpty();

    DziOpening again = opener.open(picture);

    assertThat(again.isComplete()).as("already tiled").isTrue();
    assertThat(((FolderDziSource) again.source()).tileFolder()).isEqualTo(folder.resolve("image_files"));
    assertThat(again.source().tile(10, 3, 2)).isEqualTo(first.source().tile(10, 3, 2));
  }

  @Test
  void aChangedFileIsTiledAgainIntoAFolderOfItsOwn() throws Exception {
    Path picture = TestPictures.write(dir.resolve("scan.png"), 300, 200);
    String before = LocalDziOpener.cacheKey(picture);
    finished(new LocalDziOpener(cache()).open(picture));

    TestPictures.write(picture, 310, 200);
    Files.setLastModifiedTime(picture, FileTime.from(Instant.now().plusSeconds(5)));

    assertThat(LocalDziOpener.cacheKey(picture)).isNotEqualTo(before).startsWith("scan-");
    DziOpening reopened = finished(new LocalDziOpener(cache()).open(picture));
    assertThat(reopened.source().info().width()).isEqualTo(310);
  }

  @Test
  void aPyramidLeftUnfinishedIsMadeAgain() throws Exception {
    Path picture = TestPictures.write(dir.resolve("ortho.png"), 300, 200);
    Path folder = cache().resolve(LocalDziOpener.cacheKey(picture));
    Files.createDirectories(folder.resolve("image_files/9"));
    Files.writeString(folder.resolve("image_files/9/0_0.jpg"), "half a tile");

    DziOpening opening = finished(new LocalDziOpener(cache()).open(picture));

    assertThat(opening.failure()).isNull();
    assertThat(opening.source().tile(9, 0, 0)).startsWith(0xFF, 0xD8);
    assertThat(folder.resolve("image.dzi")).isRegularFile();
  }

  @Test
  void filesThatCannotBeTiledSayWhyInTheUsersWords() throws Exception {
    LocalDziOpener opener = new LocalDziOpener(cache());
    Path notes = Files.writeString(dir.resolve("notes.jpg"), "field notes");
    Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);

    assertThatThrownBy(() -> opener.open(notes)).isInstanceOf(ImageReadException.class)
        .hasMessage("notes.jpg is not a picture Tessera can open, or the file is damaged."
            + " Supported: JPEG, PNG and TIFF.");
    assertThatThrownBy(() -> opener.open(empty)).hasMessage("empty.png is empty: there is no picture in it.");
    assertThatThrownBy(() -> opener.open(dir.resolve("gone.tif")))
        .hasMessage("gone.tif does not exist or is not a file.");
    assertThat(cache()).as("nothing is left of failed runs").satisfies(c -> {
      if (Files.exists(c)) {
        try (Stream<Path> entries = Files.list(c)) {
          assertThat(entries).isEmpty();
        }
      }
    });
  }

  @Test
  void aPictureThatBreaksOffWhileBeingTiledEndsInAMessageAndLeavesNothing() throws Exception {
    Path whole = TestPictures.write(dir.resolve("whole.jpg"), 2000, 1600);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    DziOpening opening = finished(new LocalDziOpener(cache()).open(cut));

    assertThat(opening.failure()).hasMessage(
        "cut.jpg ends early: the file is damaged or was not copied completely.");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
      try (Stream<Path> entries = Files.list(cache())) {
        return entries.findAny().isEmpty();
      }
    });
  }

  @Test
  void theModelShowsTilesWhileTheyAreMadeAndKnowsWhenTheyAreDone() throws Exception {
    Path picture = TestPictures.write(dir.resolve("grid.jpg"), 3000, 2000);
    ImageViewModel vm = new ImageViewModel(new CurrentThreadTaskExecutor(), new LocalDziOpener(cache()));
    vm.setViewportSize(800, 600);
    long revision = vm.sourceRevisionProperty().get();

    vm.open(picture);

    assertThat(vm.imageProperty().get().getWidth()).as("shown once its size is known").isEqualTo(3000);
    assertThat(vm.errorProperty().get()).isNull();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      vm.refreshTiling();
      return !vm.tilingProperty().get();
    });
    assertThat(vm.tilingProgressProperty().get()).isEqualTo(1.0);
    assertThat(vm.sourceRevisionProperty().get()).as("told the pane to ask again").isGreaterThan(revision);
    assertThat(vm.imageProperty().get().getSource().tile(12, 0, 0)).isNotEmpty();
  }

  @Test
  void cancellingTheTilingClosesTheImageAndDeletesItsTiles() throws Exception {
    // large enough that tiling takes far longer than the few calls before the cancel
    Path picture = TestPictures.write(dir.resolve("large.jpg"), 8000, 6000);
    ImageViewModel vm = new ImageViewModel(new CurrentThreadTaskExecutor(), new LocalDziOpener(cache()));
    vm.setViewportSize(800, 600);

    vm.open(picture);
    vm.refreshTiling();
    assertThat(vm.tilingProperty().get()).isTrue();
    vm.cancelTiling();

    assertThat(vm.imageProperty().get()).isNull();
    assertThat(vm.tilingProperty().get()).isFalse();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
      try (Stream<Path> entries = Files.list(cache())) {
        return entries.findAny().isEmpty();
      }
    });
  }

  @Test
  void aFailureAfterTheImageWasShownReplacesItWithTheReason() throws Exception {
    Path whole = TestPictures.write(dir.resolve("whole.jpg"), 2000, 1600);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    ImageViewModel vm = new ImageViewModel(new CurrentThreadTaskExecutor(), new LocalDziOpener(cache()));
    vm.setViewportSize(800, 600);

    vm.open(cut);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      vm.refreshTiling();
      return vm.errorProperty().get() != null;
    });

    assertThat(vm.errorProperty().get()).startsWith("cut.jpg ends early");
    assertThat(vm.imageProperty().get()).as("its tiles are gone").isNull();
    assertThat(vm.tilingProperty().get()).isFalse();
  }

  @Test
  void theSinkShowsOnlyTilesWrittenWholeAndDeletesAnUncommittedPyramid() throws IOException {
    DziInfo[] started = new DziInfo[1];
    Path folder = dir.resolve("cache/x");
    CacheTileSink sink = new CacheTileSink(folder, "image", info -> started[0] = info);
    sink.start(new io.tessera.core.dzi.DziPyramid(600, 300, 254, 1), TileFormat.PNG);
    byte[] bytes = {1, 2, 3, 4};

    sink.put(10, 1, 0, bytes, 3);

    assertThat(started[0]).isEqualTo(new DziInfo(600, 300, 254, 1, "png"));
    assertThat(sink.has(10, 1, 0)).isTrue();
    assertThat(sink.has(10, 0, 0)).isFalse();
    assertThat(folder.resolve("image_files/10/1_0.png")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(sink.descriptor()).doesNotExist();
    sink.close();
    assertThat(folder).doesNotExist();
  }

  @Test
  void aCommittedPyramidReadsLikeOneTheTileCommandWrote() throws IOException {
    Path picture = TestPictures.write(dir.resolve("grid.png"), 500, 400);
    try (CacheTileSink sink = new CacheTileSink(dir.resolve("mine"), "image", info -> { })) {
      DziTiler.tile(picture, sink, DziOptions.defaults(), TilingListener.NONE);
      assertThat(sink.has(0, 0, 0)).isTrue();
    }
    try (FolderTileSink sink = new FolderTileSink(dir.resolve("theirs/image"))) {
      DziTiler.tile(picture, sink, DziOptions.defaults(), TilingListener.NONE);
    }

    assertThat(dir.resolve("mine/image.dzi")).hasSameTextualContentAs(dir.resolve("theirs/image.dzi"));
    assertThat(FolderDziSource.open(dir.resolve("mine/image.dzi")).tile(9, 1, 1))
        .isEqualTo(FolderDziSource.open(dir.resolve("theirs/image.dzi")).tile(9, 1, 1));
  }
}
