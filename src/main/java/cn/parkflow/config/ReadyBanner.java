package cn.parkflow.config;

import cn.parkflow.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to go and, in the default run, how to log in. */
@Component
public class ReadyBanner {
  private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);
  private final String baseUrl;
  private final IdentityProperties demo;

  public ReadyBanner(@Value("${parkflow.base-url}") String baseUrl, IdentityProperties demo) {
    this.baseUrl = baseUrl;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    StringBuilder text = new StringBuilder("\n\n  ParkFlow 已就绪 / ParkFlow is ready\n")
        .append("    Tasklist (任务列表)   ").append(baseUrl).append("/camunda/app/tasklist/\n")
        .append("    Cockpit  (监控)       ").append(baseUrl).append("/camunda/app/cockpit/\n")
        .append("    Admin    (管理)       ").append(baseUrl).append("/camunda/app/admin/\n")
        .append("    Engine REST           ").append(baseUrl).append("/engine-rest\n")
        .append("    ParkFlow API          ").append(baseUrl).append("/api\n")
        .append("    Health                ").append(baseUrl).append("/actuator/health\n");
    if (demo.enabled()) {
      boolean defaultPassword = "demo".equals(demo.password());
      text.append("\n  Demo logins (password ").append(defaultPassword ? "'demo'" : "from PARKFLOW_DEMO_PASSWORD")
          .append("):\n")
          .append("    admin                      系统管理员\n")
          .append("    park-admin-clerk           园区管委会 (intake, joint decision)\n")
          .append("    drc-clerk, natural-resources-clerk, ecology-environment-clerk, emergency-management-clerk,\n")
          .append("    housing-construction-clerk, finance-clerk, investment-promotion-clerk,\n")
          .append("    county-government-clerk, trading-centre-clerk, platform-company-clerk, justice-clerk\n")
          .append("    <department>-leader        部门负责人, e.g. drc-leader (approves the department's own extensions)\n")
          .append("    supervisor                 督查室 (Cockpit, supervision)\n")
          .append("    enterprise-a, enterprise-b 企业 (ParkFlow API only)\n");
    }
    log.info(text.toString());
  }
}
