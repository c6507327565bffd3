package cn.parkflow.onboarding;

import java.util.Arrays;
import java.util.Optional;

/** The milestones after the agreement, in order: each needs the status the previous one reached. */
public enum Milestone {
  STARTED("started", "开工", "startDate", AdmissionStatus.SIGNED, AdmissionStatus.STARTED),
  COMPLETED("completed", "竣工", "completionDate", AdmissionStatus.STARTED, AdmissionStatus.COMPLETED),
  PRODUCTION("production", "投产", "productionDate", AdmissionStatus.COMPLETED, AdmissionStatus.PRODUCING),
  FULL_OUTPUT("full-output", "达产达效", "fullOutputDate", AdmissionStatus.PRODUCING, AdmissionStatus.FULL_OUTPUT);

  private final String value;
  private final String label;
  private final String agreementField;
  private final AdmissionStatus requires;
  private final AdmissionStatus reaches;

  Milestone(String value, String label, String agreementField, AdmissionStatus requires, AdmissionStatus reaches) {
    this.value = value;
    this.label = label;
    this.agreementField = agreementField;
    this.requires = requires;
    this.reaches = reaches;
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** The agreement's field holding the agreed date. */
  public String agreementField() {
    return agreementField;
  }

  public AdmissionStatus requires() {
    return requires;
  }

  public AdmissionStatus reaches() {
    return reaches;
  }

  public static Optional<Milestone> of(String value) {
    return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
  }
}
