import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A minimal SQL client for the scale benchmark (the embedded PostgreSQL comes without psql):
 * {@code java -cp <postgresql.jar> bench/Sql.java <jdbc-url> [name=value]... <file.sql | -e "sql">}.
 * Each {@code name=value} becomes the session setting {@code bench.<name>} (read in SQL with
 * {@code current_setting('bench.<name>')}); the script runs as one multi-statement call in autocommit mode and every
 * result set is printed as a Markdown table.
 */
public class Sql {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: Sql.java <jdbc-url> [name=value]... <file.sql | -e sql>");
    }
    String sql = null;
    StringBuilder settings = new StringBuilder();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("-e")) {
        sql = args[++i];
      } else if (args[i].contains("=") && !args[i].endsWith(".sql")) {
        String[] kv = args[i].split("=", 2);
        settings.append("select set_config('bench.").append(kv[0].replace("'", "")).append("', '")
            .append(kv[1].replace("'", "''")).append("', false);\n");
      } else {
        sql = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
      }
    }
    if (!args[0].startsWith("jdbc:postgresql://localhost:") && !args[0].startsWith("jdbc:postgresql://127.0.0.1:")) {
      throw new IllegalArgumentException("only a local PostgreSQL: " + args[0]);
    }
    try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
      if (settings.length() > 0) {
        s.execute(settings.toString());
      }
      long t0 = System.nanoTime();
      boolean rs = s.execute(sql);
      while (true) {
        if (rs) {
          try (ResultSet r = s.getResultSet()) {
            print(r);
          }
        } else if (s.getUpdateCount() == -1) {
          break;
        }
        rs = s.getMoreResults();
      }
      for (var w = s.getWarnings(); w != null; w = w.getNextWarning()) {
        System.out.println(w.getMessage());
      }
      System.err.printf("(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
    } catch (SQLException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  static void print(ResultSet r) throws SQLException {
    ResultSetMetaData m = r.getMetaData();
    if (m.getColumnCount() == 1 && m.getColumnName(1).equals("set_config")) {
      return;
    }
    StringBuilder head = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|");
    for (int i = 1; i <= m.getColumnCount(); i++) {
      head.append(' ').append(m.getColumnLabel(i)).append(" |");
      rule.append("---|");
    }
    System.out.println(head);
    System.out.println(rule);
    while (r.next()) {
      StringBuilder row = new StringBuilder("|");
      for (int i = 1; i <= m.getColumnCount(); i++) {
        row.append(' ').append(r.getString(i)).append(" |");
      }
      System.out.println(row);
    }
    System.out.println();
  }
}
