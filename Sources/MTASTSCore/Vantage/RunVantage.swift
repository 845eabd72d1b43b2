import Foundation

/// What one run of checks saw of this machine's own reach, counted over every domain of the
/// run: evidence about the checker, recorded beside each observation so that a stored
/// observation is judged the same later.
///
/// Cloud hosts often block outbound port 25. When no MX address of the whole run accepted a
/// connection on the SMTP port while HTTPS connections worked, the MX results say nothing about
/// the domains (DESIGN.md: "the machine may be the problem").
public struct RunVantage: Codable, Sendable, Hashable {
    /// Domains in the run.
    public var domains: Int
    /// The SMTP port the run connected to.
    public var smtpPort: Int?
    /// Distinct MX addresses a connection was attempted to.
    public var smtpAddressesTried: Int
    /// Distinct MX addresses that accepted the TCP connection (a greeting, a reply or TLS came back).
    public var smtpAddressesConnected: Int
    /// Policy fetches that reached an HTTPS server (a TLS handshake or an HTTP status).
    public var httpsConnected: Int

    public init(domains: Int, smtpPort: Int? = nil, smtpAddressesTried: Int, smtpAddressesConnected: Int, httpsConnected: Int) {
        self.domains = domains
        self.smtpPort = smtpPort
        self.smtpAddressesTried = smtpAddressesTried
        self.smtpAddressesConnected = smtpAddressesConnected
        self.httpsConnected = httpsConnected
    }

    /// At least two MX addresses were tried, none accepted a connection, and HTTPS reached at
    /// least one server: the SMTP port looks blocked from this machine.
    public var smtpLooksBlocked: Bool {
        smtpAddressesTried >= 2 && smtpAddressesConnected == 0 && httpsConnected > 0
    }

    /// Counts the run's reach over `observations`.
    public static func measure(_ observations: [Observation]) -> RunVantage {
        var counter = Counter()
        for observation in observations { counter.count(observation) }
        return counter.vantage
    }

    /// Counts a run's reach one observation at a time (distinct MX addresses by address and port).
    struct Counter: Sendable {
        private(set) var vantage = RunVantage(domains: 0, smtpAddressesTried: 0, smtpAddressesConnected: 0, httpsConnected: 0)
        private var tried: Set<String> = []
        private var connected: Set<String> = []

        mutating func count(_ observation: Observation) {
            vantage.domains += 1
            if let fetch = observation.policyFetch, fetch.tls != nil || fetch.status != nil { vantage.httpsConnected += 1 }
            for host in observation.mxHosts {
                for probe in host.probes {
                    let key = "\(probe.address) \(probe.port)"
                    vantage.smtpPort = vantage.smtpPort ?? probe.port
                    if tried.insert(key).inserted { vantage.smtpAddressesTried += 1 }
                    if probe.reachedServer, connected.insert(key).inserted { vantage.smtpAddressesConnected += 1 }
                }
            }
        }
    }

    /// `observations`, each carrying the vantage of the whole run.
    public static func annotate(_ observations: [Observation]) -> [Observation] {
        let vantage = measure(observations)
        return observations.map { var o = $0; o.vantage = vantage; return o }
    }
}

extension SMTPProbe {
    /// The TCP connection was accepted: the conversation got past the connect stage.
    public var reachedServer: Bool {
        guard let failure else { return true }
        return failure.stage != .resolve && failure.stage != .connect
    }
}
