package cn.parkflow.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Outbox settings ({@code parkflow.mail.*}); delivery runs in {@link OutboxSchedule}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class MailConfiguration {}
