import Foundation

/// Everything `mtasts serve` is told: where to listen, where the certificates are, what to
/// accept, and the limits.
public struct ServeConfiguration: Sendable {
    /// The public (internet-facing) HTTPS listener.
    public var publicHost: String
    public var publicPort: Int
    /// The operator's listener for `/metrics` and `/status.json`; loopback by default.
    public var adminHost: String
    public var adminPort: Int
    /// Directories holding certificates in the certbot or acme.sh layout.
    public var certificateDirectories: [String]
    /// The name whose certificate answers a handshake without SNI.
    public var defaultHost: String?
    /// The path of the rua endpoint; `nil` disables report reception.
    public var reportsPath: String?
    public var limits: ServeLimits
    /// How often the plans and certificate files are looked at.
    public var refreshInterval: Duration

    public init(
        publicHost: String = "0.0.0.0", publicPort: Int = 443, adminHost: String = "127.0.0.1", adminPort: Int = 9464,
        certificateDirectories: [String] = [], defaultHost: String? = nil, reportsPath: String? = "/tlsrpt",
        limits: ServeLimits = ServeLimits(), refreshInterval: Duration = .seconds(1)
    ) {
        self.publicHost = publicHost
        self.publicPort = publicPort
        self.adminHost = adminHost
        self.adminPort = adminPort
        self.certificateDirectories = certificateDirectories
        self.defaultHost = defaultHost
        self.reportsPath = reportsPath
        self.limits = limits
        self.refreshInterval = refreshInterval
    }
}
