// Rewrites a jar with its .class entries stored (uncompressed) and every other entry as it was.
// Run by the build after maven-shade-plugin on target/tessera.jar (see pom.xml): `java -jar`
// reads each class it loads out of the jar, and inflating them was a large part of a start on two
// cores (tessera serve until healthy 6–13% sooner, with as much less CPU; bench/README.md). Entry
// order, names, times and the manifest are kept; the jar grows from ~31 to ~62 MB.
// usage: java tools/jar/StoreClasses.java JAR
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

public class StoreClasses {
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java tools/jar/StoreClasses.java JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
    try (ZipFile in = new ZipFile(jar.toFile());
        OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry from = e.nextElement();
        byte[] data;
        try (InputStream s = in.getInputStream(from)) {
          data = s.readAllBytes();
        }
        ZipEntry to = new ZipEntry(from.getName());
        to.setTime(from.getTime());
        boolean klass = from.getName().endsWith(".class");
        if (klass || from.getMethod() == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(data);
          to.setMethod(ZipEntry.STORED);
          to.setSize(data.length);
          to.setCompressedSize(data.length);
          to.setCrc(crc.getValue());
        } else {
          to.setMethod(ZipEntry.DEFLATED);
        }
        out.putNextEntry(to);
        out.write(data);
        out.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
