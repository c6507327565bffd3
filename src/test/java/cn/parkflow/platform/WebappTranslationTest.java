package cn.parkflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps in Simplified Chinese: every key of the {@code en.json} shipped in the webjar has a Chinese
 * translation in our {@code zh.json}, so a Camunda upgrade lists exactly what is left to translate; and the webapps
 * serve our {@code config.js} (which offers {@code zh}) and our {@code zh.json}, not the webjar's own files.
 */
@IntegrationTest
class WebappTranslationTest {
  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern AVAILABLE_LOCALES = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]");
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyKeyOfTheShippedEnglishHasAChineseTranslation(String app) throws IOException {
    URL shipped = shippedEnglish(app);
    JsonNode en = read(shipped);
    JsonNode zh = read(ours(app, "locales/zh.json"));
    assertThat(en.path("labels").size()).as("labels in the shipped %s en.json", app).isGreaterThan(100);

    List<String> missing = new ArrayList<>();
    missingKeys("", en, zh, missing);

    assertThat(missing)
        .withFailMessage("%s: %d key(s) of the shipped en.json (%s) have no Chinese translation in"
                + " src/main/resources/%slocales/zh.json:%n  %s", app, missing.size(), shipped, APP + app + "/",
            String.join(System.lineSeparator() + "  ", missing))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void ourConfigOffersChineseAndComesFirstOnTheClasspath(String app) throws IOException {
    List<URL> configs = Collections.list(loader().getResources(APP + app + "/scripts/config.js"));
    assertThat(configs).as("config.js of %s on the classpath", app).hasSizeGreaterThanOrEqualTo(2);
    assertThat(configs.get(0).getProtocol())
        .as("the first %s config.js on the classpath must be ours, not the webjar's: %s", app, configs)
        .isEqualTo("file");
    assertThat(availableLocales(text(configs.get(0)))).contains("zh", "en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theWebappServesOurConfigAndOurChineseLocale(String app) throws IOException {
    Http http = new Http(port);

    var config = http.get("/camunda/app/" + app + "/scripts/config.js", null);
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(availableLocales(config.body())).contains("zh", "en");

    var zh = http.get("/camunda/app/" + app + "/locales/zh.json", null);
    assertThat(zh.statusCode()).isEqualTo(200);
    JsonNode served = JSON.readTree(stripBom(zh.body()));
    assertThat(served).isEqualTo(read(ours(app, "locales/zh.json")));
    assertThat(HAN.matcher(served.path("labels").toString()).find()).as("%s zh.json labels in Chinese", app).isTrue();

    // The English fallback keeps the shipped labels but not its date settings, which would otherwise race the
    // Chinese ones in a Chinese browser (see WebappLocaleFilter).
    var en = http.get("/camunda/app/" + app + "/locales/en.json", null);
    assertThat(en.statusCode()).isEqualTo(200);
    JsonNode servedEnglish = JSON.readTree(stripBom(en.body()));
    assertThat(servedEnglish.has("dateLocales")).isFalse();
    assertThat(servedEnglish.path("labels")).isEqualTo(read(shippedEnglish(app)).path("labels"));
  }

  @org.junit.jupiter.api.Test
  void theComparisonNamesMissingNestedAndIncompleteKeys() throws IOException {
    JsonNode en = JSON.readTree("""
        {"labels": {"LOGIN": "Log in", "NESTED": {"A": "a", "B": "b", "C": "c"}, "PLURAL_S": "s"},
         "dateLocales": {"months": ["Jan", "Feb"], "week": {"dow": 1}}}""");
    JsonNode zh = JSON.readTree("""
        {"labels": {"LOGIN": "登录", "NESTED": {"A": {"x": "甲"}, "C": null}, "PLURAL_S": " "},
         "dateLocales": {"months": ["1月"]}}""");
    List<String> missing = new ArrayList<>();

    missingKeys("", en, zh, missing);

    assertThat(missing).containsExactly("labels.NESTED.A (a text in en.json)", "labels.NESTED.B", "labels.NESTED.C",
        "dateLocales.months (a list of 2 in en.json)", "dateLocales.week");
  }

  /**
   * Adds to {@code missing} the path of every key of {@code en} that {@code zh} lacks or gives another shape. Lists
   * (month and weekday names) must have as many entries as the English ones. A blank text is a translation: the
   * English plural suffixes ({@code PLGN_BATCH_S = "s"}) have none in Chinese.
   */
  static void missingKeys(String path, JsonNode en, JsonNode zh, List<String> missing) {
    if (zh == null || zh.isMissingNode() || zh.isNull()) {
      missing.add(path);
    } else if (en.isObject()) {
      if (!zh.isObject()) {
        missing.add(path + " (an object in en.json)");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        missingKeys(child, field.getValue(), zh.get(field.getKey()), missing);
      }
    } else if (en.isArray()) {
      if (!zh.isArray() || zh.size() != en.size()) {
        missing.add(path + " (a list of " + en.size() + " in en.json)");
      }
    } else if (en.isTextual() && !zh.isTextual()) {
      missing.add(path + " (a text in en.json)");
    }
  }

  private static URL shippedEnglish(String app) throws IOException {
    List<URL> found = Collections.list(loader().getResources(APP + app + "/locales/en.json")).stream()
        .filter(u -> u.getProtocol().equals("jar") && u.getPath().contains("camunda-webapp-webjar"))
        .toList();
    assertThat(found).as("en.json of %s in the camunda-webapp-webjar jar", app).hasSize(1);
    return found.get(0);
  }

  private static URL ours(String app, String file) throws IOException {
    List<URL> found = Collections.list(loader().getResources(APP + app + "/" + file));
    assertThat(found).as("%s of %s on the classpath", file, app).isNotEmpty();
    assertThat(found.get(0).getProtocol()).as("our %s of %s comes first: %s", file, app, found).isEqualTo("file");
    return found.get(0);
  }

  private static List<String> availableLocales(String configJs) {
    Matcher m = AVAILABLE_LOCALES.matcher(COMMENTS.matcher(configJs).replaceAll(""));
    assertThat(m.find()).as("config.js sets locales.availableLocales").isTrue();
    return Pattern.compile("['\"]([A-Za-z-]+)['\"]").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
  }

  private static JsonNode read(URL url) throws IOException {
    return JSON.readTree(stripBom(text(url)));
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The shipped en.json files start with a UTF-8 byte order mark, which JSON parsers refuse. */
  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ClassLoader loader() {
    return WebappTranslationTest.class.getClassLoader();
  }
}
