package io.tessera.ui.map.draw;

/** What a drawing tool draws: the three GeoJSON geometry types that people draw on a map. */
public enum ShapeKind {
  /** One position; a click places it and finishes the shape. */
  POINT(1, "point", "Point"),
  /** An open line of at least two vertices. */
  LINE(2, "line", "LineString"),
  /** A closed ring of at least three corners. */
  POLYGON(3, "polygon", "Polygon");

  private final int minVertices;
  private final String word;
  private final String geoJsonType;

  ShapeKind(int minVertices, String word, String geoJsonType) {
    this.minVertices = minVertices;
    this.word = word;
    this.geoJsonType = geoJsonType;
  }

  /** The fewest vertices a valid shape of this kind has. */
  public int minVertices() {
    return minVertices;
  }

  /** The kind in words, lower case: {@code point}, {@code line}, {@code polygon}. */
  public String word() {
    return word;
  }

  /** The GeoJSON (RFC 7946) geometry type. */
  public String geoJsonType() {
    return geoJsonType;
  }

  /** The kind of a GeoJSON geometry type, or null for one that is not drawn. */
  public static ShapeKind ofGeoJson(String type) {
    for (ShapeKind k : values()) {
      if (k.geoJsonType.equals(type)) {
        return k;
      }
    }
    return null;
  }
}
