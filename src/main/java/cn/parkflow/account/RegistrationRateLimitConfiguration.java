package cn.parkflow.account;

import cn.parkflow.time.EngineClock;
import cn.parkflow.web.ClientRateLimit;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How often one client address may call {@code POST /api/enterprise-registrations}: a local default of
 * {@code parkflow.registration.rate-limit.requests} calls per {@code .window}, bad ones included.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrationRateLimitConfiguration {
  @Bean
  ClientRateLimit registrationRateLimit(@Value("${parkflow.registration.rate-limit.requests:10}") int requests,
      @Value("${parkflow.registration.rate-limit.window:PT1H}") Duration window,
      @Value("${parkflow.registration.rate-limit.max-clients:10000}") int maxClients, EngineClock clock) {
    return new ClientRateLimit("企业账户注册每个地址每 " + window.toMinutes() + " 分钟最多 " + requests + " 次", requests,
        window, maxClients, clock);
  }
}
