package cn.parkflow.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A registration's status, with its transitions in one table: waiting for park-admin, then opened or refused. */
public enum RegistrationStatus {
  PENDING("待核验"),
  OPENED("已开通"),
  REJECTED("未通过");

  private static final Map<RegistrationStatus, Set<RegistrationStatus>> NEXT = Map.of(
      PENDING, EnumSet.of(OPENED, REJECTED));

  private final String label;

  RegistrationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Refuses a transition not in the table ({@link IllegalStateException}: a fault of the code, not input). */
  public void checkMoveTo(RegistrationStatus next) {
    if (!NEXT.getOrDefault(this, Set.of()).contains(next)) {
      throw new IllegalStateException("enterprise-registration has no transition " + this + " → " + next);
    }
  }

  public static RegistrationStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown registration status " + label));
  }
}
