package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.CaseTasks;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Admission cases for the tests: applications, tasks by step and department, and the notices queued. */
@Component
public class AdmissionCases {
  static final String CREDIT_CODE_A = "91360124MA39PFL7XC";

  @Autowired ObjectMapper mapper;
  @Autowired AdmissionValidator validator;
  @Autowired AdmissionService service;
  @Autowired AdmissionRepository admissions;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  /**
   * An application that passes every screening row: a leading industry (39), 400 万元/亩, 20 万元/亩 of tax, little
   * energy and water per output, no pollutants or hazards, new land (so only the land assessment).
   */
  public ObjectNode passing() {
    ObjectNode a = mapper.createObjectNode();
    a.put("enterpriseName", "赣江新材料有限公司");
    a.put("creditCode", CREDIT_CODE_A);
    a.put("projectName", "电子元器件产业园 " + UUID.randomUUID().toString().substring(0, 8));
    a.put("industryCode", "39");
    a.put("productDescription", "片式电容器和电感器的生产");
    a.put("totalInvestment", 25000);
    a.put("fixedAssetInvestment", 20000.5);
    a.put("landArea", 50);
    a.put("annualOutput", 50000);
    a.put("annualTax", 1000);
    a.put("annualEnergyTce", 100);
    a.put("annualWaterTonnes", 10000);
    a.putArray("pollutants");
    a.put("hazardousChemicals", false);
    a.put("occupationalHazards", false);
    a.put("jobs", 300);
    a.put("rdIntensity", 3.5);
    a.put("plannedStart", "2027-03-01");
    a.put("plannedProduction", "2028-06-30");
    a.put("contactEmail", "invest@ganjiang.example.com");
    return a;
  }

  String apply(ObjectNode body) {
    FieldErrors errors = new FieldErrors();
    AdmissionApplication application = validator.validate(body, CREDIT_CODE_A, errors);
    assertThat(errors.list()).isEmpty();
    return service.apply(application, "enterprise-a");
  }

  Admission admission(String number) {
    return admissions.get(number);
  }

  List<Task> tasks(String number, String step) {
    return CaseTasks.ofBusinessKey(taskService, number, step);
  }

  Task task(String number, String step) {
    return CaseTasks.one(tasks(number, step), number, step);
  }

  List<String> groups(Task task) {
    return CaseTasks.groups(taskService, task);
  }

  void decide(Task task, String decision, String opinion, Map<String, Object> more) {
    Map<String, Object> vars = new HashMap<>(more);
    vars.put(DecisionRules.DECISION, decision);
    if (opinion != null) {
      vars.put(DecisionRules.OPINION, opinion);
    }
    taskService.complete(task.getId(), vars);
  }

  void approve(Task task) {
    decide(task, DecisionRules.APPROVE, "同意。", Map.of());
  }

  /** A passing application driven through every step up to the signed agreement with these dates. */
  public String signed(String start, String completion, String production, String fullOutput) {
    String number = apply(passing());
    approve(task(number, OnboardingProcess.Elements.PRELIMINARY_ASSESSMENT));
    approve(task(number, OnboardingProcess.Elements.ADMISSION_ASSESSMENT));
    approve(task(number, OnboardingProcess.Elements.ADMISSION_DECISION));
    Map<String, Object> a = new HashMap<>();
    a.put("agreementNumber", "XY-" + number);
    a.put("committedInvestment", 20000L);
    a.put("committedIntensity", 400L);
    a.put("committedTaxPerMu", 20L);
    a.put("startDate", start);
    a.put("completionDate", completion);
    a.put("productionDate", production);
    a.put("fullOutputDate", fullOutput);
    a.put("safetyLetterSigned", true);
    a.put("safetyStandardLevel", "二级");
    a.put("drillFrequency", "yearly");
    a.put("certifiedOperators", true);
    a.put("yearlyReview", true);
    a.put("commitmentLetterSigned", true);
    taskService.complete(task(number, OnboardingProcess.Elements.SIGN_AGREEMENT).getId(), a);
    return number;
  }

  /** As {@link #signed}, with investment-promotion-clerk as liaison and county-government-clerk as 包扶 leader. */
  String followed(String start, String completion, String production, String fullOutput) {
    String number = signed(start, completion, production, fullOutput);
    taskService.complete(task(number, OnboardingProcess.Elements.ASSIGN_LIAISON).getId(),
        Map.of("liaison", "investment-promotion-clerk", "leader", "county-government-clerk"));
    return number;
  }

  /** The notices queued for the case, by kind ({@code <process>:<case>:<kind>:…}), with their bodies. */
  List<String> notices(String number, String kind) {
    return jdbc.queryForList("select subject || E'\\n' || body from pf_outbox where reason_key like ?", String.class,
        OnboardingProcess.KEY + ":" + number + ":" + kind + ":%");
  }

  boolean ended(String number) {
    Long running = jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ?", Long.class,
        number);
    return running == 0;
  }
}
