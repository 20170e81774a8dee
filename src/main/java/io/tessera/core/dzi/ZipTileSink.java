package io.tessera.core.dzi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One zip holding a DZI, laid out as {@code vips dzsave OUT.zip} (libvips 8.14) writes its zip
 * container: {@code OUT/OUT.dzi} and {@code OUT/OUT_files/LEVEL/COLUMN_ROW.EXT}, every entry
 * stored uncompressed (tiles are JPEG or PNG already), no folder entries. vips also adds {@code
 * OUT_files/vips-properties.xml}, its own metadata, which no DZI viewer reads; this sink leaves it
 * out.
 *
 * <p>The zip is written to a hidden temporary file beside the target and moved into place by
 * {@link #commit}; {@link #close} without a commit deletes it.
 */
public final class ZipTileSink implements TileSink {
  private final Path target;
  private final String name;
  private Path staging;
  private ZipOutputStream zip;
  private String extension;
  private DziPyramid pyramid;
  private TileFormat format;
  private boolean committed;

  /**
   * @param target the zip file, e.g. {@code OUT.zip}; the folder inside is named after it without
   *     {@code .zip}
   */
  public ZipTileSink(Path target) {
    this.target = target.toAbsolutePath().normalize();
    String file = this.target.getFileName().toString();
    this.name = file.regionMatches(true, file.length() - 4, ".zip", 0, 4)
        ? file.substring(0, file.length() - 4)
        : file;
  }

  @Override
  public void start(DziPyramid pyramid, TileFormat format) throws IOException {
    this.pyramid = pyramid;
    this.format = format;
    this.extension = "." + format.extension();
    Files.createDirectories(target.getParent());
    staging = Files.createTempFile(target.getParent(), "." + name, ".zip");
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(staging), 1 << 20);
    zip = new ZipOutputStream(out);
    zip.setMethod(ZipOutputStream.STORED);
  }

  @Override
  public void put(int level, int column, int row, byte[] encoded, int length) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(encoded, 0, length);
    ZipEntry entry =
        stored(name + "/" + name + "_files/" + level + "/" + column + "_" + row + extension,
            length, crc.getValue());
    synchronized (this) {
      zip.putNextEntry(entry);
      zip.write(encoded, 0, length);
      zip.closeEntry();
    }
  }

  @Override
  public synchronized void commit() throws IOException {
    byte[] xml = pyramid.descriptorXml(format).getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(xml);
    zip.putNextEntry(stored(name + "/" + name + ".dzi", xml.length, crc.getValue()));
    zip.write(xml);
    zip.closeEntry();
    zip.close();
    zip = null;
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public synchronized void close() throws IOException {
    if (committed) {
      return;
    }
    try {
      if (zip != null) {
        zip.close();
      }
    } finally {
      if (staging != null) {
        Files.deleteIfExists(staging);
      }
    }
  }

  private static ZipEntry stored(String name, int length, long crc) {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(length);
    e.setCompressedSize(length);
    e.setCrc(crc);
    return e;
  }
}
