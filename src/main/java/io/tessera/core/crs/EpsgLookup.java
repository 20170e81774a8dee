package io.tessera.core.crs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * Finds the EPSG code of a PROJ string: the proj4j-epsg table is scanned for entries with the same
 * projection (and UTM zone), and each candidate is compared with proj4j's own equality, which
 * compares the projection's parameters and the datum rather than the text ({@code +ellps=WGS84
 * +datum=WGS84} equals {@code +datum=WGS84}). proj4j's {@code readEpsgFromParameters} compares
 * the text, so it misses such spellings. Several codes can be equal that way (JGD2000 and JGD2011
 * zones share their parameters); an entry with the same parameters as written wins, else the
 * first equal one in the table's order.
 */
final class EpsgLookup {
  private static final Pattern LINE = Pattern.compile("<(\\d+)>\\s*(.*?)\\s*<>\\s*");
  private static final Map<String, OptionalInt> CACHE = new ConcurrentHashMap<>();
  private static final CRSFactory CANDIDATES = new CRSFactory();

  private EpsgLookup() {}

  static OptionalInt codeOf(CoordinateReferenceSystem crs) {
    String key = String.join(" ", crs.getParameters());
    return CACHE.computeIfAbsent(key, k -> scan(crs));
  }

  private static OptionalInt scan(CoordinateReferenceSystem crs) {
    String proj = parameter(crs.getParameters(), "proj").orElse("");
    Set<String> written = new HashSet<>(Arrays.asList(crs.getParameters()));
    OptionalInt firstEqual = OptionalInt.empty();
    Optional<String> zone = parameter(crs.getParameters(), "zone");
    try (InputStream in = CRSFactory.class.getResourceAsStream("/proj4/nad/epsg")) {
      if (in == null) {
        return OptionalInt.empty();
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
          continue;
        }
        List<String> tokens = Arrays.asList(m.group(2).split("\\s+"));
        if (!tokens.contains("+proj=" + proj) || zone.isPresent() && !tokens.contains("+zone=" + zone.get())) {
          continue;
        }
        try {
          // not through Proj4's cache: most candidates are looked at once
          if (CANDIDATES.createFromParameters(null, m.group(2)).equals(crs)) {
            OptionalInt code = OptionalInt.of(Integer.parseInt(m.group(1)));
            if (new HashSet<>(tokens).equals(written)) {
              return code;
            }
            if (firstEqual.isEmpty()) {
              firstEqual = code;
            }
          }
        } catch (Proj4jException | IllegalArgumentException e) {
          // an entry proj4j cannot build is no candidate
        }
      }
      return firstEqual;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<String> parameter(String[] parameters, String name) {
    for (String p : parameters) {
      String s = p.startsWith("+") ? p.substring(1) : p;
      if (s.startsWith(name + "=")) {
        return Optional.of(s.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }
}
