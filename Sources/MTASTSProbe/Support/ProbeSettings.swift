import Foundation

/// Budgets and limits for every network step. Every step has a timeout and a size limit
/// (the project's rule: hostile servers produce a finding, never a hang).
public struct ProbeSettings: Sendable {
    /// TCP connect.
    public var connectTimeout: TimeAmountSeconds = 5
    /// Each read/step of a protocol (a DNS answer, an SMTP reply, the TLS handshake, the HTTP
    /// response head).
    public var stepTimeout: TimeAmountSeconds = 10
    /// The whole SMTP conversation or the whole policy fetch.
    public var totalTimeout: TimeAmountSeconds = 30
    /// DNS: per-try timeout and tries per server.
    public var dnsTimeout: TimeAmountSeconds = 3
    public var dnsAttempts = 2
    /// Largest policy body read (RFC 8461 §3.3 suggests 64 KiB).
    public var maxPolicyBytes = 64 * 1024
    /// Largest HTTP response head.
    public var maxHTTPHeadBytes = 16 * 1024
    /// Largest SMTP reply line (RFC 5321 §4.5.3.1.5: 512 octets; generous) and whole reply.
    public var maxSMTPLineBytes = 4096
    public var maxSMTPReplyBytes = 64 * 1024
    /// Port of the policy host (443; tests use a lab port).
    public var httpsPort = 443
    /// Port of MX hosts (25; tests use a lab port).
    public var smtpPort = 25
    /// The EHLO name the probe introduces itself with.
    public var ehloName = "mtasts-checker.invalid"
    /// At most this many domains checked at once.
    public var concurrency = 16

    public init() {}
}

/// Seconds as a Double, converted to NIO's `TimeAmount` at the edge.
public typealias TimeAmountSeconds = Double
