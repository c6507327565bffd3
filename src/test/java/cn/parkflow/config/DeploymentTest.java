package cn.parkflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The top-level bpmn/ folder is deployed as it is, and only changed resources become new versions. */
@IntegrationTest
class DeploymentTest {
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryTimeToLive historyTimeToLive;

  @Test
  void everyModelDecisionAndFormInTheBpmnFolderIsDeployed() throws IOException {
    assertThat(Path.of("bpmn")).isDirectory();
    List<String> files;
    try (Stream<Path> walk = Files.walk(Path.of("bpmn"))) {
      files = walk.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form"))
          .toList();
    }
    List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
        .map(n -> n.substring(n.lastIndexOf('/') + 1))
        .toList();
    assertThat(deployed).containsAll(files);
  }

  @Test
  void onlyChangedResourcesMakeANewVersion() {
    var config = (SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration();
    assertThat(config.isDeployChangedOnly()).isTrue();
    assertThat(config.getDeploymentResources()).allSatisfy(r ->
        assertThat(r.getURL().toString()).contains("/bpmn/"));
  }

  @Test
  void engineHistoryIsCleanedNightlyOutsideOfficeHoursBeijingTime(@Autowired org.camunda.bpm.engine.HistoryService
      historyService) {
    List<org.camunda.bpm.engine.runtime.Job> jobs = historyService.findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty().allSatisfy(job -> {
      var due = job.getDuedate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
      assertThat(due.getHour() >= 22 || due.getHour() < 6).as("cleanup due at %s", due).isTrue();
    });
  }

  @Test
  void everyProcessDefinitionKeepsHistoryForTheConfiguredTime() {
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().list();
    assertThat(historyTimeToLive.days()).isEqualTo(365);
    historyTimeToLive.run(null);
    assertThat(repositoryService.createProcessDefinitionQuery().list())
        .hasSameSizeAs(definitions)
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(365));
  }
}
