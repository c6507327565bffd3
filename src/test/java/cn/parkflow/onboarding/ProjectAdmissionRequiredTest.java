package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ApplicationValidator;
import cn.parkflow.approval.ProjectCodes;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With {@code parkflow.onboarding.required-for-projects=true} a project application must name its admission case. The
 * rule is built here with the setting on, against the shared test context: a second Spring context would register a
 * second process engine "default", and the engine REST API of the first would reach the second's beans.
 */
@IntegrationTest
class ProjectAdmissionRequiredTest {
  @Autowired ObjectMapper mapper;
  @Autowired AdmissionCases cases;
  @Autowired AdmissionRepository admissions;
  @Autowired ProjectCodes codes;

  private FieldErrors check(ApplicationValidator validator, ObjectNode body) {
    FieldErrors errors = new FieldErrors();
    validator.admissionNumber(body, AdmissionCases.CREDIT_CODE_A, errors);
    validator.validate(body, AdmissionCases.CREDIT_CODE_A, errors);
    return errors;
  }

  @Test
  @DisplayName("required: without a number (absent or blank) the application is refused naming admissionNumber; with "
      + "the enterprise's admitted case it passes; the default setting takes it without one")
  void aNumberIsRequired() {
    ApplicationValidator required = new ApplicationValidator(mapper, codes, new AdmissionLinks(admissions, true));
    ObjectNode body = ProjectAdmissionLinkTest.project(mapper);
    assertThat(check(required, body).list()).extracting(FieldError::field).containsExactly("admissionNumber");
    assertThat(check(required, body).list()).singleElement().extracting(FieldError::message).asString()
        .contains("必填");
    assertThat(check(required, body.deepCopy().put("admissionNumber", " ")).list()).extracting(FieldError::field)
        .containsExactly("admissionNumber");

    String admission = cases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");
    FieldErrors linked = new FieldErrors();
    assertThat(required.admissionNumber(body.deepCopy().put("admissionNumber", admission),
        AdmissionCases.CREDIT_CODE_A, linked)).isEqualTo(admission);
    assertThat(linked.list()).isEmpty();

    ApplicationValidator optional = new ApplicationValidator(mapper, codes, new AdmissionLinks(admissions, false));
    assertThat(check(optional, body).list()).isEmpty();
  }
}
