package cn.parkflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled  create the contract's demo users (default run only; off in {@code prod})
 * @param password password of every demo user
 */
@ConfigurationProperties("parkflow.demo")
public record IdentityProperties(boolean enabled, String password) {}
