package cn.parkflow.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work of ParkFlow: outbox delivery ({@link OutboxSchedule}) and the reminder scan. Each scheduled bean
 * has its own switch ({@code parkflow.mail.scheduled}, {@code parkflow.reminders.scheduled}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class MailConfiguration {}
