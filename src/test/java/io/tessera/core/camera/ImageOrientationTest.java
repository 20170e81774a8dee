package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.image.ImagePoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ImageOrientationTest {

  @Test
  void cornersGoWhereTheExifTagSays() {
    // a 300 × 200 stored image; its stored top-left corner (0, 0) shows at…
    ImagePoint origin = new ImagePoint(0, 0);
    assertThat(ImageOrientation.toDisplayed(origin, 1, 300, 200)).isEqualTo(origin);
    assertThat(ImageOrientation.toDisplayed(origin, 3, 300, 200)).isEqualTo(new ImagePoint(300, 200));
    // 6: rotate 90° clockwise to view: the stored top row becomes the right column
    assertThat(ImageOrientation.toDisplayed(origin, 6, 300, 200)).isEqualTo(new ImagePoint(200, 0));
    // 8: rotate 90° counter-clockwise to view: the stored top row becomes the left column
    assertThat(ImageOrientation.toDisplayed(origin, 8, 300, 200)).isEqualTo(new ImagePoint(0, 300));
    assertThat(ImageOrientation.swapsAxes(6)).isTrue();
    assertThat(ImageOrientation.swapsAxes(3)).isFalse();
  }

  @Property
  void displayedPositionsRoundTrip(
      @ForAll @IntRange(min = 1, max = 8) int orientation,
      @ForAll @DoubleRange(min = 0, max = 300) double x,
      @ForAll @DoubleRange(min = 0, max = 200) double y) {
    ImagePoint stored = new ImagePoint(x, y);
    ImagePoint shown = ImageOrientation.toDisplayed(stored, orientation, 300, 200);
    int dw = ImageOrientation.swapsAxes(orientation) ? 200 : 300;
    int dh = ImageOrientation.swapsAxes(orientation) ? 300 : 200;
    assertThat(shown.within(dw, dh)).isTrue();
    ImagePoint back = ImageOrientation.toStored(shown, orientation, 300, 200);
    assertThat(back.x()).isCloseTo(x, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(back.y()).isCloseTo(y, org.assertj.core.api.Assertions.within(1e-9));
  }
}
