package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.ui.task.CurrentThreadTaskExecutor;
import io.tessera.ui.task.ManualTaskExecutor;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The view maths and open flows of the image pane's model, without a stage. Images come as
 * pictures decoded whole (their geometry is all the maths needs); opening through a {@link
 * DziOpener} is {@link LocalDziOpenerTest}'s.
 */
class ImageViewModelTest {
  private static final DziOpener NO_FILES = file -> {
    throw new ImageReadException(file.getFileName() + " is not a picture Tessera can open.");
  };

  @BeforeAll
  static void toolkit() throws Exception {
    // Images need the JavaFX toolkit, not a stage.
    FxToolkit.registerPrimaryStage();
  }

  private static ImageViewModel open(int width, int height, double viewW, double viewH) {
    ImageViewModel vm = new ImageViewModel(new CurrentThreadTaskExecutor(), NO_FILES);
    vm.setViewportSize(viewW, viewH);
    vm.show("photo.jpg", () -> new WritableImage(width, height));
    return vm;
  }

  /** An image of any size, shown from a DZI folder that has no tiles: the maths needs none. */
  private static ImageViewModel openTiled(int width, int height, double viewW, double viewH) {
    ImageViewModel vm = new ImageViewModel(new CurrentThreadTaskExecutor(), NO_FILES);
    vm.setViewportSize(viewW, viewH);
    vm.show("ortho.tif", new FolderDziSource(new DziInfo(width, height, 254, 1, "jpg"), Path.of("no-tiles")));
    return vm;
  }

  @Test
  void anOpenedImageFitsAndIsCentred() {
    ImageViewModel vm = open(400, 200, 800, 800);

    assertThat(vm.scaleProperty().get()).isEqualTo(2.0);
    assertThat(vm.offsetXProperty().get()).isEqualTo(0.0);
    assertThat(vm.offsetYProperty().get()).isEqualTo(200.0);
    assertThat(vm.loadingProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).isNull();
    assertThat(vm.imageProperty().get().getWidth()).isEqualTo(400);
    assertThat(vm.nameProperty().get()).isEqualTo("photo.jpg");
  }

  @Test
  void itKeepsFittingAsTheViewportResizesUntilTheUserZooms() {
    ImageViewModel vm = open(400, 200, 800, 800);

    vm.setViewportSize(400, 400);
    assertThat(vm.scaleProperty().get()).isEqualTo(1.0);

    vm.zoomStep(true);
    double zoomed = vm.scaleProperty().get();
    vm.setViewportSize(800, 800);
    assertThat(vm.scaleProperty().get()).isEqualTo(zoomed);

    vm.fit();
    assertThat(vm.scaleProperty().get()).isEqualTo(2.0);
  }

  @Test
  void pixelCoordinatesStartAtTheTopLeftCornerWithCentresAtHalves() {
    ImageViewModel vm = open(400, 200, 400, 200); // scale 1, image at 0,0

    vm.pointerMoved(0.5, 0.5);
    assertThat(vm.pointerPixelProperty().get()).isEqualTo(new Point2D(0.5, 0.5));
    vm.pointerMoved(399.9, 199.9);
    assertThat(vm.pointerPixelProperty().get().getX()).isCloseTo(399.9, within(1e-9));

    vm.pointerMoved(400, 10);
    assertThat(vm.pointerPixelProperty().get()).as("right of the last pixel").isNull();
    vm.pointerMoved(-0.1, 10);
    assertThat(vm.pointerPixelProperty().get()).isNull();
  }

  @Test
  void zoomKeepsThePointUnderTheCursorInPlace() {
    ImageViewModel vm = open(400, 200, 800, 800);
    Point2D before = vm.toPixel(123, 345);

    vm.zoomAt(123, 345, 3.7);

    assertThat(vm.scaleProperty().get()).isCloseTo(7.4, within(1e-9));
    Point2D after = vm.toPixel(123, 345);
    assertThat(after.getX()).isCloseTo(before.getX(), within(1e-9));
    assertThat(after.getY()).isCloseTo(before.getY(), within(1e-9));
  }

  @Property(tries = 200)
  void anyZoomKeepsThePixelUnderTheCursorAndTheStatusFollowsIt(
      @ForAll @IntRange(min = 1, max = 60000) int width,
      @ForAll @IntRange(min = 1, max = 60000) int height,
      @ForAll @DoubleRange(min = 0, max = 1000) double x,
      @ForAll @DoubleRange(min = 0, max = 700) double y,
      @ForAll @DoubleRange(min = 0.01, max = 100) double factor) {
    ImageViewModel vm = openTiled(width, height, 1000, 700);
    vm.pointerMoved(x, y);
    Point2D before = vm.toPixel(x, y);

    vm.zoomAt(x, y, factor);

    double s = vm.scaleProperty().get();
    assertThat(s).isPositive().isLessThanOrEqualTo(ImageViewModel.MAX_SCALE);
    Point2D after = vm.toPixel(x, y);
    double tolerance = 1e-9 * Math.max(width, height) + 1e-9;
    assertThat(after.getX()).isCloseTo(before.getX(), within(tolerance));
    assertThat(after.getY()).isCloseTo(before.getY(), within(tolerance));
    Point2D status = vm.pointerPixelProperty().get();
    boolean inside = after.getX() >= 0 && after.getY() >= 0 && after.getX() < width
        && after.getY() < height;
    if (inside) {
      assertThat(status).isEqualTo(after);
    } else {
      assertThat(status).isNull();
    }
  }

  @Property(tries = 100)
  void fitShowsTheWholeImageCentredAndTouchingTwoSides(
      @ForAll @IntRange(min = 1, max = 60000) int width,
      @ForAll @IntRange(min = 1, max = 60000) int height,
      @ForAll @IntRange(min = 50, max = 3000) int viewW,
      @ForAll @IntRange(min = 50, max = 3000) int viewH) {
    ImageViewModel vm = openTiled(width, height, viewW, viewH);
    vm.zoomAt(10, 10, 3);

    vm.fit();

    double s = vm.scaleProperty().get();
    double left = vm.offsetXProperty().get();
    double top = vm.offsetYProperty().get();
    double slack = 1e-6;
    assertThat(left).isGreaterThanOrEqualTo(-slack);
    assertThat(top).isGreaterThanOrEqualTo(-slack);
    assertThat(left + width * s).isLessThanOrEqualTo(viewW + slack);
    assertThat(top + height * s).isLessThanOrEqualTo(viewH + slack);
    assertThat(left * 2 + width * s).isCloseTo(viewW, within(slack));
    assertThat(top * 2 + height * s).isCloseTo(viewH, within(slack));
    if (s < ImageViewModel.MAX_SCALE) {
      assertThat(Math.min(left, top)).isCloseTo(0, within(slack));
    }
  }

  @Test
  void zoomIsBoundedAtBothEnds() {
    ImageViewModel vm = open(400, 200, 800, 800);

    vm.zoomAt(0, 0, 1e6);
    assertThat(vm.scaleProperty().get()).isEqualTo(ImageViewModel.MAX_SCALE);
    vm.zoomAt(0, 0, 1e-9);
    assertThat(vm.scaleProperty().get()).isEqualTo(0.5); // a quarter of the fitting scale
  }

  @Test
  void oneToOneShowsOneImagePixelPerScreenPixelAroundTheCentre() {
    ImageViewModel vm = open(4000, 3000, 800, 600);
    Point2D centre = vm.toPixel(400, 300);

    vm.oneToOne();

    assertThat(vm.scaleProperty().get()).isEqualTo(1.0);
    assertThat(vm.toPixel(400, 300).getX()).isCloseTo(centre.getX(), within(0.5));
    assertThat(vm.toPixel(400, 300).getY()).isCloseTo(centre.getY(), within(0.5));
    // each pixel on one screen pixel, not spread over two
    assertThat(vm.offsetXProperty().get() % 1).isZero();
    assertThat(vm.offsetYProperty().get() % 1).isZero();
  }

  @Test
  void panningMovesTheImageAndUpdatesThePixelUnderAStillCursor() {
    ImageViewModel vm = open(400, 200, 400, 200);
    vm.pointerMoved(100, 100);

    vm.panBy(10, -20);

    assertThat(vm.offsetXProperty().get()).isEqualTo(10.0);
    assertThat(vm.offsetYProperty().get()).isEqualTo(-20.0);
    assertThat(vm.pointerPixelProperty().get()).isEqualTo(new Point2D(90, 120));
  }

  @Test
  void centringOnAPixelPutsItInTheMiddleAtTheSameScale() {
    ImageViewModel vm = open(4000, 3000, 800, 600);
    vm.oneToOne();

    vm.centreOn(3900.5, 100.25);

    assertThat(vm.scaleProperty().get()).isEqualTo(1.0);
    assertThat(vm.toPixel(400, 300)).isEqualTo(new Point2D(3900.5, 100.25));
    vm.setViewportSize(1000, 1000);
    assertThat(vm.scaleProperty().get()).as("a user's view is no longer refitted").isCloseTo(1.0, within(1e-12));
  }

  @Test
  void theViewportRecordCarriesTheTransform() {
    ImageViewModel vm = open(400, 200, 800, 800);

    Viewport v = vm.viewport();

    assertThat(v).isEqualTo(new Viewport(2, 0, 200, 800, 800));
    assertThat(v.pixelX(v.screenX(123.25))).isEqualTo(123.25);
  }

  @Test
  void aFailedOpenExplainsAndKeepsTheImageShownBefore() {
    ImageViewModel vm = open(10, 10, 100, 100);
    OpenImage first = vm.imageProperty().get();

    vm.open(Path.of("/photos/broken.jpg"));

    assertThat(vm.errorProperty().get()).isEqualTo("broken.jpg is not a picture Tessera can open.");
    assertThat(vm.imageProperty().get()).isSameAs(first);
    assertThat(vm.nameProperty().get()).isEqualTo("photo.jpg");
    assertThat(vm.requestedNameProperty().get()).isEqualTo("broken.jpg");
    vm.dismissError();
    assertThat(vm.errorProperty().get()).isNull();
  }

  @Test
  void anUnexpectedFailureStillGivesAReadableMessage() {
    ImageViewModel vm =
        new ImageViewModel(new CurrentThreadTaskExecutor(), p -> { throw new IllegalStateException("NPE at 0x1f"); });

    vm.open(Path.of("/data/odd.png"));
    assertThat(vm.errorProperty().get()).isEqualTo("odd.png could not be opened.");

    vm.show("photo.jpg", () -> { throw new IllegalStateException("NPE at 0x2f"); });
    assertThat(vm.errorProperty().get()).isEqualTo("photo.jpg could not be opened.");
  }

  @Test
  void aSlowEarlierOpenDoesNotReplaceALaterOne() {
    Image slow = new WritableImage(10, 10);
    Image fast = new WritableImage(20, 20);
    ManualTaskExecutor executor = new ManualTaskExecutor();
    ImageViewModel vm = new ImageViewModel(executor, NO_FILES);
    vm.setViewportSize(100, 100);

    vm.show("slow.jpg", () -> slow);
    vm.show("fast.jpg", () -> fast);
    assertThat(vm.loadingProperty().get()).isTrue();
    executor.runLast();
    executor.runNext();

    assertThat(vm.imageProperty().get().getWidth()).isEqualTo(20);
    assertThat(vm.nameProperty().get()).isEqualTo("fast.jpg");
    assertThat(vm.loadingProperty().get()).isFalse();
  }

  @Test
  void aPictureDecodedWholeIsOneTileAtOneLevel() {
    ImageViewModel vm = open(640, 427, 800, 600);
    OpenImage img = vm.imageProperty().get();

    assertThat(img.getSource()).isNull();
    assertThat(img.coarsestLevel()).isEqualTo(img.getInfo().maxLevel());
    assertThat(TileGrid.levelFor(img.getInfo(), 0.01, img.coarsestLevel())).isEqualTo(img.getInfo().maxLevel());
    assertThat(TileGrid.visible(img.getInfo(), img.getInfo().maxLevel(), vm.viewport()))
        .containsExactly(new TileId(img.getInfo().maxLevel(), 0, 0));
  }
}
