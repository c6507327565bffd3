package cn.parkflow.account;

import java.time.Instant;

/** One enterprise registration as stored ({@code pf_enterprise_registration}). */
public record Registration(String number, String processInstanceId, String enterpriseName, String creditCode,
    String contactPerson, String email, String phone, String login, RegistrationStatus status, String opinion,
    String decidedBy, Instant decidedAt, Instant createdAt) {

  /** What an applicant asks for, checked by {@link RegistrationValidator}. */
  public record Application(String enterpriseName, String creditCode, String contactPerson, String email,
      String phone, String login) {}
}
