package io.tessera.ui.image;

import io.tessera.core.dzi.DziPyramid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a DZI descriptor ({@code NAME.dzi}) says about a pyramid: the full image's size, the tile
 * edge without overlap, the overlap and the tiles' format (their file extension). The level maths
 * is {@link DziPyramid}'s: level {@link #maxLevel()} is the image itself, level 0 is 1×1.
 *
 * @param width full image width, pixels
 * @param height full image height, pixels
 * @param tileSize tile edge without overlap, pixels
 * @param overlap pixels each tile shares with each neighbour
 * @param format the tiles' file extension, e.g. {@code jpg} or {@code png}
 */
public record DziInfo(int width, int height, int tileSize, int overlap, String format) {

  public DziInfo {
    // the pyramid checks sizes, tile size and overlap, with messages naming the bad value
    new DziPyramid(width, height, tileSize, overlap);
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("a DZI needs a tile format");
    }
  }

  /** The pyramid's geometry: levels, their sizes, the tile grid. */
  public DziPyramid pyramid() {
    return new DziPyramid(width, height, tileSize, overlap);
  }

  /** The full-resolution level. */
  public int maxLevel() {
    return DziPyramid.levelCount(width, height) - 1;
  }

  /**
   * Reads a DZI descriptor: {@code <Image TileSize=".." Overlap=".." Format=".."><Size
   * Width=".." Height=".."/></Image>}, in the Deep Zoom namespace or none.
   *
   * @throws IOException the bytes are not such a descriptor
   */
  public static DziInfo parse(byte[] xml) throws IOException {
    return parse(new ByteArrayInputStream(xml));
  }

  /** As {@link #parse(byte[])}, from a stream, which is read to its end but not closed. */
  public static DziInfo parse(InputStream xml) throws IOException {
    Document doc;
    try {
      doc = builder().parse(xml);
    } catch (SAXException e) {
      throw new IOException("not a DZI descriptor: " + e.getMessage(), e);
    }
    Element image = doc.getDocumentElement();
    if (!"Image".equals(localName(image))) {
      throw new IOException("not a DZI descriptor: the root element is " + localName(image));
    }
    NodeList sizes = image.getElementsByTagNameNS("*", "Size");
    if (sizes.getLength() != 1) {
      throw new IOException("not a DZI descriptor: it needs one Size element");
    }
    Element size = (Element) sizes.item(0);
    try {
      return new DziInfo(
          intAttribute(size, "Width"),
          intAttribute(size, "Height"),
          intAttribute(image, "TileSize"),
          intAttribute(image, "Overlap"),
          image.getAttribute("Format").trim());
    } catch (IllegalArgumentException e) {
      throw new IOException("not a usable DZI descriptor: " + e.getMessage(), e);
    }
  }

  private static int intAttribute(Element e, String name) throws IOException {
    String value = e.getAttribute(name).trim();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException ex) {
      throw new IOException(
          "not a usable DZI descriptor: " + localName(e) + "/@" + name + " is '" + value + "'");
    }
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  /** A namespace-aware parser that reads no DTDs and fetches nothing: descriptors may come from a server. */
  private static DocumentBuilder builder() throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      // the default handler prints to stderr before the exception says the same
      b.setErrorHandler(new DefaultHandler() {
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IOException("no XML parser: " + e.getMessage(), e);
    }
  }
}
