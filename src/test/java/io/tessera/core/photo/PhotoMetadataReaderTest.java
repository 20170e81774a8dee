package io.tessera.core.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.photo.PhotoMetadata.TimeSource;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.GeotaggedJpegs.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoMetadataReaderTest {
  @TempDir Path dir;

  @Test
  void readsPositionAltitudeAccuracyTimeAndCamera() throws Exception {
    Instant t = Instant.parse("2026-06-17T10:31:44Z");
    Path p = GeotaggedJpegs.write(dir, "a.jpg", Tags.at(18.0686, 59.3293, t));
    PhotoMetadata m = PhotoMetadataReader.read(p, ZoneOffset.UTC);
    assertThat(m.width()).isEqualTo(640);
    assertThat(m.height()).isEqualTo(427);
    assertThat(m.lon()).isCloseTo(18.0686, within(1e-6));
    assertThat(m.lat()).isCloseTo(59.3293, within(1e-6));
    assertThat(m.altitudeM()).isCloseTo(28.4, within(1e-6));
    assertThat(m.accuracyM()).isCloseTo(3.1, within(1e-6));
    assertThat(m.capturedAt()).isEqualTo(t);
    assertThat(m.timeSource()).isEqualTo(TimeSource.OFFSET_TIME_ORIGINAL);
    assertThat(m.make()).isEqualTo("Canon");
    assertThat(m.model()).isEqualTo("Canon EOS DIGITAL REBEL XSi");
    assertThat(m.orientation()).isEqualTo(1);
  }

  @Test
  void westernAndSouthernHemispheresAndBelowSeaLevel() throws Exception {
    Path p =
        GeotaggedJpegs.write(dir, "b.jpg",
            new Tags(-119.8796, -34.41, -12.5, null, null, ZoneOffset.UTC, false));
    PhotoMetadata m = PhotoMetadataReader.read(p, ZoneOffset.UTC);
    assertThat(m.lon()).isCloseTo(-119.8796, within(1e-6));
    assertThat(m.lat()).isCloseTo(-34.41, within(1e-6));
    assertThat(m.altitudeM()).isCloseTo(-12.5, within(1e-6));
    assertThat(m.accuracyM()).isNull();
  }

  @Test
  void cameraLocalTimeUsesTheConfiguredOffsetWhenNothingBetterExists() throws Exception {
    // the base photo has DateTimeOriginal 2009:… but neither OffsetTimeOriginal nor GPS time
    Path p = dir.resolve("c.jpg");
    Files.write(p, GeotaggedJpegs.basePhoto());
    PhotoMetadata utc = PhotoMetadataReader.read(p, ZoneOffset.UTC);
    PhotoMetadata pacific = PhotoMetadataReader.read(p, ZoneOffset.ofHours(-8));
    assertThat(utc.timeSource()).isEqualTo(TimeSource.CAMERA_LOCAL);
    assertThat(utc.hasLocation()).isFalse();
    assertThat(pacific.capturedAt()).isEqualTo(utc.capturedAt().plusSeconds(8 * 3600));
  }

  @Test
  void refusesWhatIsNotAWholeJpeg() throws Exception {
    Path png = dir.resolve("x.jpg");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
    assertThatThrownBy(() -> PhotoMetadataReader.read(png, ZoneOffset.UTC))
        .isInstanceOf(PhotoMetadataReader.NotAJpegException.class)
        .hasMessageContaining("not a JPEG");

    byte[] whole = GeotaggedJpegs.basePhoto();
    Path cut = dir.resolve("cut.jpg");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> PhotoMetadataReader.read(cut, ZoneOffset.UTC))
        .isInstanceOf(PhotoMetadataReader.NotAJpegException.class)
        .hasMessageContaining("truncated");
  }
}
