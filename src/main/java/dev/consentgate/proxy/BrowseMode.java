package dev.consentgate.proxy;

import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.tls.SiteCertificates;
import io.netty.handler.ssl.SslContext;

/**
 * What turns the gateway into a browser proxy for auditing any site: a browser sends it every request (plain HTTP
 * in absolute form, HTTPS through CONNECT, which it intercepts with certificates of the local CA), and it enforces the
 * ruleset for one fixed consent, whatever the site's own consent cookies say.
 *
 * @param consent      the consent of the visitor being simulated (usually essential only)
 * @param certificates the site certificates shown to the browser
 * @param upstreamTls  TLS towards the sites, with their certificates verified (host name included)
 * @param audit        where what was kept from the browser is reported
 */
public record BrowseMode(ConsentDecision consent, SiteCertificates certificates, SslContext upstreamTls,
                         AuditLog audit) {
}
