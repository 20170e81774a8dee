import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.volume.BaseSurface;
import io.tessera.core.raster.volume.VolumeCalculator;
import io.tessera.core.raster.volume.VolumeRequest;
import io.tessera.core.raster.volume.VolumeResult;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Tessera's side of bench/volume/volume: loads the raw Float32 DSM the script wrote into an
 * ArrayRaster (the GeoTIFF reader is not on main yet) and times the engine on each polygon.
 *
 * <p>Args: raw width height originX originY cell runs name=x,y;x,y;... [name=...]
 */
public final class VolumeBench {
  public static void main(String[] a) throws Exception {
    int w = Integer.parseInt(a[1]);
    int h = Integer.parseInt(a[2]);
    GeoTransform t = GeoTransform.northUp(Double.parseDouble(a[3]), Double.parseDouble(a[4]),
        Double.parseDouble(a[5]), Double.parseDouble(a[5]));
    int runs = Integer.parseInt(a[6]);
    float[] s = new float[w * h];
    long t0 = System.nanoTime();
    try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.READ)) {
      long pos = 0;
      int done = 0;
      while (done < s.length) {
        int n = Math.min(s.length - done, 1 << 26);
        var buf = ch.map(FileChannel.MapMode.READ_ONLY, pos, 4L * n).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().get(s, done, n);
        done += n;
        pos += 4L * n;
      }
    }
    System.out.printf(Locale.ROOT, "java load %.2f s (raw file into an ArrayRaster, not timed)%n",
        (System.nanoTime() - t0) / 1e9);
    ArrayRaster dsm = new ArrayRaster(w, h, s, t, OptionalInt.of(32633), OptionalDouble.of(-9999));
    VolumeCalculator calc = new VolumeCalculator();
    for (int i = 7; i < a.length; i++) {
      String name = a[i].substring(0, a[i].indexOf('='));
      List<double[]> poly = new ArrayList<>();
      for (String p : a[i].substring(a[i].indexOf('=') + 1).split(";")) {
        String[] xy = p.split(",");
        poly.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
      }
      for (BaseSurface b : List.of(BaseSurface.FIT_PLANE, BaseSurface.AVERAGE,
          BaseSurface.TRIANGULATED)) {
        double[] times = new double[runs];
        VolumeResult r = null;
        for (int k = 0; k < runs; k++) {
          long s0 = System.nanoTime();
          r = calc.compute(dsm, VolumeRequest.of(b, poly));
          times[k] = (System.nanoTime() - s0) / 1e9;
        }
        double first = times[0];
        Arrays.sort(times);
        System.out.printf(Locale.ROOT,
            "JAVA %s %s median %.3f first %.3f cut %.3f fill %.3f area %.3f base_mean %.4f%n",
            name, b.apiName(), times[runs / 2], first, r.cut(), r.fill(), r.area(),
            r.base().mean());
      }
    }
  }
}
