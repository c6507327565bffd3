package cn.parkflow.db;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ObjectUtils;

/**
 * Flyway migrates ParkFlow's tables before the process engine starts.
 *
 * <p>Without this the engine is built first (the web server's filters need its services), creates its own tables in
 * an empty database, and Flyway, finding a non-empty schema, only records a baseline at version 1: {@code V1}
 * ({@code pf_outbox}, {@code pf_case_event}) would never run, and every listener that queues mail or writes the case
 * record would fail. With the engine depending on the migration, a fresh database gets every migration.
 */
@Configuration(proxyBeanMethods = false)
class MigrationsBeforeEngine {

  @Bean
  static BeanFactoryPostProcessor processEngineAfterMigrations() {
    return beanFactory -> {
      String[] migrations = beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false);
      if (migrations.length == 0) {
        return;
      }
      for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
        BeanDefinition engine = beanFactory.getBeanDefinition(BeanFactoryUtils.transformedBeanName(name));
        String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
        for (String migration : migrations) {
          if (!ObjectUtils.containsElement(dependsOn, migration)) {
            dependsOn = ObjectUtils.addObjectToArray(dependsOn, migration);
          }
        }
        engine.setDependsOn(dependsOn);
      }
    };
  }
}
