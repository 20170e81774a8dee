package io.tessera.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases repository tests run against: a fresh H2 file database always, and a fresh
 * schema on the PostgreSQL named by {@code tessera.test.pg.url} (or {@code TESSERA_TEST_PG_URL}).
 * Under CI the PostgreSQL URL is required, so those tests cannot silently skip there.
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static String pgUrl() {
    String url = System.getProperty("tessera.test.pg.url");
    if (url == null || url.isBlank() || url.startsWith("${")) {
      url = System.getenv("TESSERA_TEST_PG_URL");
    }
    if ((url == null || url.isBlank()) && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI must set TESSERA_TEST_PG_URL for the PostgreSQL tests");
    }
    return url == null || url.isBlank() ? null : url;
  }

  /** JDBC URLs of fresh, empty databases: H2 in {@code dir}, and PostgreSQL when configured. */
  public static List<String> fresh(Path dir) {
    List<String> urls = new ArrayList<>();
    urls.add("jdbc:h2:file:" + dir.resolve("db").resolve("tessera") + ";WRITE_DELAY=0");
    String pg = pgUrl();
    if (pg != null) {
      urls.add(freshPgSchema(pg));
    }
    return urls;
  }

  /** Creates an empty schema and returns a URL whose connections use it. */
  public static String freshPgSchema(String pgUrl) {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(pgUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema on PostgreSQL: " + e, e);
    }
    return pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public static String label(String url) {
    return url.startsWith("jdbc:h2") ? "h2" : "postgresql";
  }

  public static boolean isH2(String url) {
    return url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2");
  }
}
