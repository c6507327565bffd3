package cn.parkflow.account;

import cn.parkflow.support.Http;
import cn.parkflow.web.ClientRateLimit;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the account tests share: real HTTP, a fresh registration rate limit (they all register from 127.0.0.1) and the
 * engine clock put back after each test.
 */
abstract class AccountHttpTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired JdbcTemplate jdbc;
  @Autowired @Qualifier("registrationRateLimit") ClientRateLimit rateLimit;
  Http http;

  @BeforeEach
  void startHttp() {
    http = new Http(port);
    rateLimit.reset();
  }

  @AfterEach
  void resetClockAndLimit() {
    ClockUtil.reset();
    rateLimit.reset();
  }

  static void passTime(Duration d) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(d)));
  }
}
