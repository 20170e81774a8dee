package io.tessera.ui.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A DZI folder on disk, as {@code tessera tile} and {@code vips dzsave} write it: {@code NAME.dzi}
 * beside {@code NAME_files/LEVEL/COLUMN_ROW.FORMAT}. A tile file that is not there is a tile that
 * does not exist yet.
 */
public final class FolderDziSource implements DziSource {
  private final DziInfo info;
  private final Path tileFolder;
  private final String extension;

  /**
   * @param info the pyramid's geometry
   * @param tileFolder the {@code NAME_files} folder that holds one folder per level
   */
  public FolderDziSource(DziInfo info, Path tileFolder) {
    this.info = info;
    this.tileFolder = tileFolder;
    this.extension = "." + info.format();
  }

  /**
   * Reads the descriptor {@code dzi} ({@code NAME.dzi}); the tiles are in {@code NAME_files}
   * beside it.
   *
   * @throws IOException the descriptor cannot be read or is not a DZI descriptor
   */
  public static FolderDziSource open(Path dzi) throws IOException {
    DziInfo info;
    try (InputStream in = Files.newInputStream(dzi)) {
      info = DziInfo.parse(in);
    }
    String name = dzi.getFileName().toString();
    String base = name.endsWith(".dzi") ? name.substring(0, name.length() - 4) : name;
    return new FolderDziSource(info, dzi.resolveSibling(base + "_files"));
  }

  @Override
  public DziInfo info() {
    return info;
  }

  /** The {@code NAME_files} folder. */
  public Path tileFolder() {
    return tileFolder;
  }

  @Override
  public byte[] tile(int level, int column, int row) throws IOException {
    Path file = tileFolder.resolve(Integer.toString(level)).resolve(column + "_" + row + extension);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
