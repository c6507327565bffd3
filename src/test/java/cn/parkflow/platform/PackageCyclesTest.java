package cn.parkflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code src/main/java} form a house with no cycles: time at the bottom, shared machinery above it,
 * the process slices on top. A package that imports one above it (directly or through others) fails this test.
 */
class PackageCyclesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?(cn\\.parkflow\\.[\\w.]+?)\\.[A-Z][\\w.*]*;", Pattern.MULTILINE);

  static Map<String, Set<String>> imports(Path root) throws IOException {
    Map<String, Set<String>> edges = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find()) {
          continue;
        }
        Set<String> targets = edges.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
        Matcher imp = IMPORT.matcher(text);
        while (imp.find()) {
          if (!imp.group(1).equals(pkg.group(1))) {
            targets.add(imp.group(1));
          }
        }
      }
    }
    return edges;
  }

  /** The strongly connected components with more than one package (Tarjan). */
  static List<Set<String>> cycles(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> found = new ArrayList<>();
    for (String v : edges.keySet()) {
      if (!index.containsKey(v)) {
        visit(v, edges, index, low, stack, onStack, found);
      }
    }
    return found;
  }

  private static void visit(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
      Map<String, Integer> low, List<String> stack, Set<String> onStack, List<Set<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.add(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        visit(w, edges, index, low, stack, onStack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.remove(stack.size() - 1);
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }

  @Test
  void noPackageOfTheApplicationDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> edges = imports(Path.of("src/main/java"));
    assertThat(edges).containsKeys("cn.parkflow.time", "cn.parkflow.web", "cn.parkflow.approval");
    assertThat(cycles(edges)).as("package cycles").isEmpty();
  }

  @Test
  void theCheckFindsACycle() {
    Map<String, Set<String>> edges = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertThat(cycles(edges)).containsExactly(Set.of("a", "b", "c"));
  }

  @Test
  void timeIsTheBottomOfTheHouse() throws IOException {
    assertThat(imports(Path.of("src/main/java")).get("cn.parkflow.time")).isEmpty();
  }
}
