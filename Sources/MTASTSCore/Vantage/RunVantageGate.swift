import Foundation

/// Lets observations of a run through as soon as their verdict can no longer change with the
/// run's vantage (``RunVantage/smtpLooksBlocked``): once any MX address of the run accepted a
/// connection, port 25 is not blocked from here, so everything held back and everything after
/// is final and can be printed at once (`check --json-lines`, the TUI). Until then observations
/// are held, and ``finish()`` releases them with the vantage of the whole run.
public struct RunVantageGate: Sendable {
    private var held: [Observation] = []
    private var vantage = RunVantage(domains: 0, smtpAddressesTried: 0, smtpAddressesConnected: 0, httpsConnected: 0)
    private var tried: Set<String> = []
    private var connected: Set<String> = []
    /// Held observations are few: a run holds at most this many before it must have seen a
    /// connection or release them anyway, judged with the vantage so far (memory stays flat).
    public var holdLimit: Int

    public init(holdLimit: Int = 2_000) { self.holdLimit = holdLimit }

    /// Adds one finished observation; returns those that are final now, each carrying the
    /// vantage they are judged with.
    public mutating func add(_ observation: Observation) -> [Observation] {
        count(observation)
        if vantage.smtpAddressesConnected > 0 { return release() + [with(observation)] }
        // Without an SMTP probe the verdict does not depend on port 25 at all.
        if !observation.mxHosts.contains(where: { !$0.probes.isEmpty }) { return [with(observation)] }
        held.append(observation)
        return held.count >= holdLimit ? release() : []
    }

    /// The end of the run: everything still held, with the vantage of the whole run.
    public mutating func finish() -> [Observation] { release() }

    /// The run's vantage so far.
    public var current: RunVantage { vantage }

    private mutating func release() -> [Observation] {
        let out = held.map(with)
        held.removeAll(keepingCapacity: true)
        return out
    }

    private func with(_ observation: Observation) -> Observation {
        var o = observation
        o.vantage = vantage
        return o
    }

    private mutating func count(_ observation: Observation) {
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
