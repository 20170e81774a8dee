package io.tessera.client;

import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import io.tessera.core.raster.SampleType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An imported raster output read over the photogrammetry API, tile by tile
 * ({@code outputs/{id}/raster/{level}/{tx}/{ty}}, 256² cells each), with its overviews: what the
 * desktop's 3D pane and volume overlay read, whether the service runs in the same process or on
 * a team server. Tiles are kept in a bounded cache shared by all levels. Thread-safe.
 */
public final class RemoteRaster implements Raster {
  /** Edge of the API's raster tiles, in cells. */
  public static final int TILE = 256;

  private final Shared shared;
  private final int level;
  private final int width;
  private final int height;
  private final GeoTransform transform;

  /** What every level shares: where to read, what the raster is, the tile cache. */
  private static final class Shared {
    final TesseraClient http;
    final String base;
    final int bands;
    final SampleType type;
    final OptionalInt epsg;
    final OptionalDouble noData;
    final long maxCachedBytes;
    long cachedBytes;
    final LinkedHashMap<String, Object> cache = new LinkedHashMap<>(64, 0.75f, true);

    Shared(TesseraClient http, String base, int bands, SampleType type, OptionalInt epsg,
        OptionalDouble noData, long maxCachedBytes) {
      this.http = http;
      this.base = base;
      this.bands = bands;
      this.type = type;
      this.epsg = epsg;
      this.noData = noData;
      this.maxCachedBytes = maxCachedBytes;
    }
  }

  private RemoteRaster(Shared shared, int level, int width, int height, GeoTransform transform) {
    this.shared = shared;
    this.level = level;
    this.width = width;
    this.height = height;
    this.transform = transform;
  }

  /**
   * The raster of an imported output (its {@code raster} field), full resolution.
   *
   * @param maxCachedBytes bound of the tile cache
   * @throws IllegalArgumentException when the output has no imported raster
   */
  public static RemoteRaster of(ProjectsClient client, long projectId, OutputDto output,
      long maxCachedBytes) {
    if (!(output.raster() instanceof Map<?, ?> info)) {
      throw new IllegalArgumentException(output.fileName() + " has no imported raster ("
          + output.availability() + ")");
    }
    List<?> gt = (List<?>) info.get("geotransform");
    GeoTransform t = new GeoTransform(num(gt.get(0)), num(gt.get(1)), num(gt.get(2)),
        num(gt.get(3)), num(gt.get(4)), num(gt.get(5)));
    Object epsg = info.get("epsg");
    Object noData = info.get("no_data");
    Shared s = new Shared(client.http(), ProjectsClient.PREFIX + "/projects/" + projectId
        + "/outputs/" + output.outputId() + "/raster/",
        ((Number) info.get("bands")).intValue(),
        SampleType.valueOf(String.valueOf(info.get("sample_type")).toUpperCase(Locale.ROOT)),
        epsg instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty(),
        noData instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty(),
        maxCachedBytes);
    return new RemoteRaster(s, 0, ((Number) info.get("width")).intValue(),
        ((Number) info.get("height")).intValue(), t);
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  /** This raster at half the resolution (the next overview level), computed by the server. */
  public RemoteRaster halved() {
    GeoTransform t = transform;
    return new RemoteRaster(shared, level + 1, (width + 1) / 2, (height + 1) / 2,
        new GeoTransform(t.originX(), t.pixelWidth() * 2, t.rowRotation() * 2, t.originY(),
            t.columnRotation() * 2, t.pixelHeight() * 2));
  }

  /** The server's overview {@code k} levels below this one. */
  @Override
  public Optional<Raster> overview(int k) {
    RemoteRaster r = this;
    for (int i = 0; i < k; i++) {
      r = r.halved();
    }
    return Optional.of(r);
  }

  /** The overview level: 0 at full resolution. */
  public int level() {
    return level;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int bands() {
    return shared.bands;
  }

  @Override
  public SampleType sampleType() {
    return shared.type;
  }

  @Override
  public GeoTransform transform() {
    return transform;
  }

  @Override
  public OptionalInt epsg() {
    return shared.epsg;
  }

  @Override
  public OptionalDouble noData() {
    return shared.noData;
  }

  @Override
  public int blockWidth() {
    return TILE;
  }

  @Override
  public int blockHeight() {
    return TILE;
  }

  @Override
  public void readFloats(int band, int x, int y, int w, int h, float[] dst) throws IOException {
    check(x, y, w, h);
    if (band != 0 || shared.bands != 1) {
      throw new IOException("only the one band of an elevation raster is read as floats");
    }
    copy(x, y, w, h, (tile, tw, srcIndex, dstIndex, n) ->
        System.arraycopy((float[]) tile, srcIndex, dst, dstIndex, n));
  }

  @Override
  public void readArgb(int x, int y, int w, int h, int[] dst) throws IOException {
    check(x, y, w, h);
    if (shared.bands == 1) {
      float[] v = new float[w * h];
      readFloats(0, x, y, w, h, v);
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float f : v) {
        if (!isNoData(f)) {
          min = Math.min(min, f);
          max = Math.max(max, f);
        }
      }
      float span = max > min ? max - min : 1;
      for (int i = 0; i < v.length; i++) {
        int g = isNoData(v[i]) ? -1 : Math.round((v[i] - min) / span * 255);
        dst[i] = g < 0 ? 0 : 0xff000000 | g << 16 | g << 8 | g;
      }
      return;
    }
    copy(x, y, w, h, (tile, tw, srcIndex, dstIndex, n) ->
        System.arraycopy((int[]) tile, srcIndex, dst, dstIndex, n));
  }

  private interface RowCopy {
    void copy(Object tile, int tileWidth, int srcIndex, int dstIndex, int n);
  }

  private void copy(int x, int y, int w, int h, RowCopy rows) throws IOException {
    for (int ty = y / TILE; ty <= (y + h - 1) / TILE; ty++) {
      for (int tx = x / TILE; tx <= (x + w - 1) / TILE; tx++) {
        Object tile = tile(tx, ty);
        int tw = Math.min(TILE, width - tx * TILE);
        int c0 = Math.max(x, tx * TILE);
        int c1 = Math.min(x + w, tx * TILE + tw);
        int r0 = Math.max(y, ty * TILE);
        int r1 = Math.min(y + h, ty * TILE + Math.min(TILE, height - ty * TILE));
        for (int r = r0; r < r1; r++) {
          rows.copy(tile, tw, (r - ty * TILE) * tw + (c0 - tx * TILE), (r - y) * w + (c0 - x),
              c1 - c0);
        }
      }
    }
  }

  private Object tile(int tx, int ty) throws IOException {
    String key = level + "/" + tx + "/" + ty;
    synchronized (shared) {
      Object hit = shared.cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    byte[] bytes;
    try {
      bytes = shared.http.getBytes(shared.base + key);
    } catch (ApiException e) {
      throw new IOException("raster tile " + key + ": " + e.getMessage(), e);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    Object tile;
    if (shared.bands == 1) {
      float[] f = new float[bytes.length / 4];
      b.asFloatBuffer().get(f);
      tile = f;
    } else {
      int[] i = new int[bytes.length / 4];
      b.asIntBuffer().get(i);
      tile = i;
    }
    synchronized (shared) {
      Object replaced = shared.cache.put(key, tile);
      shared.cachedBytes += bytes.length - (replaced == null ? 0 : bytes(replaced));
      var it = shared.cache.entrySet().iterator();
      while (shared.cachedBytes > shared.maxCachedBytes && it.hasNext()) {
        Object evicted = it.next().getValue();
        if (evicted == tile) {
          break;
        }
        shared.cachedBytes -= bytes(evicted);
        it.remove();
      }
    }
    return tile;
  }

  private static long bytes(Object tile) {
    return 4L * (tile instanceof float[] f ? f.length : ((int[]) tile).length);
  }

  private void check(int x, int y, int w, int h) {
    if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
      throw new IndexOutOfBoundsException("window " + x + "," + y + " " + w + "×" + h
          + " outside a " + width + "×" + height + " raster");
    }
  }

  /** Nothing to release but the cache, which the garbage collector takes. */
  @Override
  public void close() {}
}
