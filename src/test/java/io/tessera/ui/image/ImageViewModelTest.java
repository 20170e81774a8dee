package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.ui.task.CurrentThreadTaskExecutor;
import io.tessera.ui.task.ManualTaskExecutor;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class ImageViewModelTest {
  private static final Path PHOTO = Path.of("photo.jpg");

  @BeforeAll
  static void toolkit() throws Exception {
    // Images need the JavaFX toolkit, not a stage.
    FxToolkit.registerPrimaryStage();
  }

  private static ImageViewModel open(int width, int height, double viewW, double viewH) {
    Image img = new WritableImage(width, height);
    ImageViewModel vm = new ImageViewModel(new CurrentThreadTaskExecutor(), p -> img);
    vm.setViewportSize(viewW, viewH);
    vm.open(PHOTO);
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

    assertThat(vm.scaleProperty().get()).isCloseTo(1.0, within(1e-12));
    assertThat(vm.toPixel(400, 300).getX()).isCloseTo(centre.getX(), within(1e-9));
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
  void aFailedOpenExplainsAndKeepsTheImageShownBefore() {
    Image first = new WritableImage(10, 10);
    ImageViewModel vm =
        new ImageViewModel(
            new CurrentThreadTaskExecutor(),
            p -> {
              if (p.equals(PHOTO)) {
                return first;
              }
              throw new ImageReadException("broken.jpg is not a picture Tessera can open.");
            });
    vm.open(PHOTO);

    vm.open(Path.of("broken.jpg"));

    assertThat(vm.errorProperty().get()).isEqualTo("broken.jpg is not a picture Tessera can open.");
    assertThat(vm.imageProperty().get()).isSameAs(first);
    assertThat(vm.nameProperty().get()).isEqualTo(PHOTO.getFileName().toString());
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
  }

  @Test
  void aSlowEarlierOpenDoesNotReplaceALaterOne() {
    Image slow = new WritableImage(10, 10);
    Image fast = new WritableImage(20, 20);
    ManualTaskExecutor executor = new ManualTaskExecutor();
    ImageViewModel vm = new ImageViewModel(executor, p -> p.toString().equals("slow.jpg") ? slow : fast);
    vm.setViewportSize(100, 100);

    vm.open(Path.of("slow.jpg"));
    vm.open(Path.of("fast.jpg"));
    assertThat(vm.loadingProperty().get()).isTrue();
    executor.runLast();
    executor.runNext();

    assertThat(vm.imageProperty().get()).isSameAs(fast);
    assertThat(vm.nameProperty().get()).isEqualTo("fast.jpg");
    assertThat(vm.loadingProperty().get()).isFalse();
  }
}
