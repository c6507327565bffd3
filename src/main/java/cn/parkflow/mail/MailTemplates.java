package cn.parkflow.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Chinese mail texts from {@code templates/mail/<folder>/<kind>.mustache} ({@link MailTemplate}): the first line is the subject, the rest the body.
 * Values are plain text (no HTML escaping); a missing value is an error, so a notice never goes out half-filled.
 */
@Component
public class MailTemplates {
  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue(null)
      .strictSections(false);
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  public RenderedMail render(MailTemplate template, Map<String, ?> model) {
    String name = template.name();
    String text = cache.computeIfAbsent(template.resource(), this::load).execute(model);
    int newline = text.indexOf('\n');
    if (newline < 0) {
      throw new IllegalStateException("Mail template " + name + " has no body");
    }
    return new RenderedMail(text.substring(0, newline).trim(), text.substring(newline + 1).strip() + "\n");
  }

  private Template load(String name) {
    ClassPathResource resource = new ClassPathResource(name);
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return compiler.compile(reader);
    } catch (IOException e) {
      throw new IllegalStateException("No mail template " + name, e);
    }
  }

  public record RenderedMail(String subject, String body) {}
}
