package cn.parkflow.mail;

/**
 * A mail template {@code templates/mail/<folder>/<kind>.mustache}: the folder is a process key (a case's notices)
 * or {@code task} (reminders and urging, the same for every process). Declare templates as constants, so a test finds
 * every one that is missing ({@code MailTemplatesExistTest}) and grep finds who sends it.
 */
public record MailTemplate(String folder, String kind) {
  /** Reminders and urging: notices about a task, whatever its process. */
  public static final String TASK_FOLDER = "task";

  public static MailTemplate task(String kind) {
    return new MailTemplate(TASK_FOLDER, kind);
  }

  /** {@code project-approval/accepted}: the path under {@code templates/mail/} without the extension. */
  public String name() {
    return folder + "/" + kind;
  }

  public String resource() {
    return "templates/mail/" + name() + ".mustache";
  }
}
