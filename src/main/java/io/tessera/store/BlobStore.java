package io.tessera.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Content-addressed files: {@code blobs/ab/cdef…} named by the SHA-256 of their bytes. A blob is
 * streamed to a temp file, hashed on the way, then moved into place, so no reader ever sees half a
 * file and the same content is stored once. Which blobs are still referenced is the database's
 * business ({@link BlobRepository}); this class only stores bytes.
 */
public final class BlobStore {
  private final Path root;
  private final Path tmp;

  /** A stored blob: its hex SHA-256 and size in bytes. */
  public record BlobRef(String sha256, long sizeBytes) {}

  /** Thrown when a blob would exceed the caller's size limit; nothing is kept. */
  public static final class TooLargeException extends IOException {
    public TooLargeException(long limitBytes) {
      super("larger than the limit of " + limitBytes + " bytes");
    }
  }

  public BlobStore(Path root) throws IOException {
    this.root = root;
    this.tmp = root.resolve("tmp");
    Files.createDirectories(tmp);
  }

  /** Streams {@code in} into the store; at most {@code limitBytes} are accepted. */
  public BlobRef put(InputStream in, long limitBytes) throws IOException {
    Path part = Files.createTempFile(tmp, "blob-", ".part");
    try {
      MessageDigest sha = sha256();
      long size = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
          size += n;
          if (size > limitBytes) {
            throw new TooLargeException(limitBytes);
          }
          out.write(buf, 0, n);
        }
      }
      String hex = HexFormat.of().formatHex(sha.digest());
      Path target = path(hex);
      Files.createDirectories(target.getParent());
      if (!Files.exists(target)) {
        moveIntoPlace(part, target);
      }
      return new BlobRef(hex, size);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // a concurrent put of the same content won: the bytes are the same
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Opens a stored blob, or empty when there is none with that hash. */
  public Optional<InputStream> open(String sha256) throws IOException {
    Path p = path(sha256);
    return Files.exists(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
  }

  /** Removes a blob's file; called only by the purge once nothing references it. */
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(path(sha256));
  }

  /** Where the blob with this hash lives. */
  public Path path(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
