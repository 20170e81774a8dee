package io.tessera.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ImagePointTest {

  @Test
  void firstPixelCentreIsAtHalfAPixel() {
    assertThat(ImagePoint.centreOf(0, 0)).isEqualTo(new ImagePoint(0.5, 0.5));
    assertThat(ImagePoint.fromCentreOrigin(0, 0)).isEqualTo(new ImagePoint(0.5, 0.5));
    assertThat(new ImagePoint(4272, 2848).within(4272, 2848)).isTrue();
    assertThat(new ImagePoint(4272.01, 0).within(4272, 2848)).isFalse();
  }

  @Property
  void pixelCentresBelongToTheirOwnPixel(
      @ForAll @IntRange(max = 100_000) int col, @ForAll @IntRange(max = 100_000) int row) {
    ImagePoint p = ImagePoint.centreOf(col, row);
    assertThat(p.column()).isEqualTo(col);
    assertThat(p.row()).isEqualTo(row);
  }

  @Property
  void centreOriginRoundTrips(
      @ForAll @DoubleRange(min = -1, max = 1e5) double x,
      @ForAll @DoubleRange(min = -1, max = 1e5) double y) {
    double[] back = ImagePoint.fromCentreOrigin(x, y).toCentreOrigin();
    assertThat(back[0]).isCloseTo(x, within(1e-9));
    assertThat(back[1]).isCloseTo(y, within(1e-9));
  }
}
