package cn.parkflow.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work of ParkFlow, switched on once for all: outbox delivery, the reminder scan and the nightly
 * Idempotency-Key cleanup. Each scheduled bean has its own switch ({@code parkflow.mail.scheduled},
 * {@code parkflow.reminders.scheduled}, {@code parkflow.idempotency.cleanup-scheduled}), which the tests turn off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SchedulingConfiguration {}
