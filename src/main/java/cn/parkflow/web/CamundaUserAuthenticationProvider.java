package cn.parkflow.web;

import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.time.EngineClock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Checks HTTP Basic credentials against Camunda's users, so one account works in Tasklist, the engine REST API and
 * the ParkFlow API. Camunda's login throttling applies (each failed check delays the next attempt for that user).
 * The authorities are the user's group ids; the token's details are the {@link EngineIdentity} the engine runs the
 * request as.
 *
 * <p>A successful check is remembered for {@code parkflow.security.credentials-cache} (default 30 s), keyed by the user
 * and a keyed hash of the password (the password itself is never kept), so that the password check, the group query
 * and the tenant query are not paid on every request. A changed password, a disabled account or a changed group
 * membership therefore takes effect within that bound; failed checks are never remembered. A change made through
 * ParkFlow ({@link EnterpriseAccounts.AccountChanged}: disabled, enabled, re-bound, password changed) is forgotten on
 * this node as soon as it is committed; other nodes catch up within the bound.
 *
 * <p>A disabled enterprise account ({@link EnterpriseAccounts.State#disabled}) is refused like a wrong password, with its
 * own message; an account that must change its initial password first carries that in its {@link EngineIdentity}.
 */
@Component
public class CamundaUserAuthenticationProvider implements AuthenticationProvider {
  private final IdentityService identityService;
  private final EnterpriseAccounts enterpriseAccounts;
  private final EngineClock clock;
  static final String DISABLED = "此账号已停用，请联系园区管委会";
  private final Duration bound;
  private final Cache<String, Verified> verified;
  private final SecretKeySpec hashKey;

  public CamundaUserAuthenticationProvider(IdentityService identityService, EnterpriseAccounts enterpriseAccounts,
      EngineClock clock, @Value("${parkflow.security.credentials-cache:PT30S}") Duration bound) {
    this.identityService = identityService;
    this.enterpriseAccounts = enterpriseAccounts;
    this.clock = clock;
    this.bound = bound;
    // Caffeine's own expiry (wall time) keeps the cache small; validity is decided on the engine clock below.
    this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(bound).build();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.hashKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * Who the engine runs a request as: the user, its groups and its tenants; and whether it must change its initial
   * password before anything else ({@link PasswordChangeFilter}).
   */
  public record EngineIdentity(String userId, List<String> groups, List<String> tenants,
      boolean passwordChangeRequired) {}

  private record Verified(EngineIdentity identity, Instant at) {}

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    String key = user + '\u0000' + hash(credentials.toString());
    Instant now = clock.now();
    Verified hit = verified.getIfPresent(key);
    if (hit == null || hit.at().isAfter(now) || !hit.at().plus(bound).isAfter(now)) {
      if (!identityService.checkPassword(user, credentials.toString())) {
        verified.invalidate(key);
        throw new BadCredentialsException("用户名或密码错误");
      }
      Optional<EnterpriseAccounts.State> account = enterpriseAccounts.state(user);
      if (account.map(EnterpriseAccounts.State::disabled).orElse(false)) {
        throw new DisabledException(DISABLED);
      }
      hit = new Verified(lookUp(user, account.map(EnterpriseAccounts.State::passwordChangeRequired).orElse(false)),
          now);
      verified.put(key, hit);
    }
    UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
        hit.identity().groups().stream().map(SimpleGrantedAuthority::new).toList());
    token.setDetails(hit.identity());
    return token;
  }

  private EngineIdentity lookUp(String user, boolean passwordChangeRequired) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    return new EngineIdentity(user, groups, tenants, passwordChangeRequired);
  }

  /** Forgets every remembered login of the account once the change is committed (at once outside a transaction). */
  @TransactionalEventListener(fallbackExecution = true)
  public void forget(EnterpriseAccounts.AccountChanged changed) {
    String prefix = changed.userId() + '\u0000';
    verified.asMap().keySet().removeIf(k -> k.startsWith(prefix));
  }

  private String hash(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
