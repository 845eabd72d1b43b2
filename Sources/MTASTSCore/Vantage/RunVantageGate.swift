import Foundation

/// Lets observations of a run through as soon as their verdict can no longer change with the
/// run's vantage (``RunVantage/smtpLooksBlocked``): once any MX address of the run accepted a
/// connection, port 25 is not blocked from here, so everything held back and everything after
/// is final and can be printed at once (`check --json-lines`, the TUI). Until then observations
/// are held, and ``finish()`` releases them with the vantage of the whole run.
public struct RunVantageGate: Sendable {
    private var held: [Observation] = []
    private var counter = RunVantage.Counter()
    private var vantage: RunVantage { counter.vantage }
    /// Held observations are few: a run holds at most this many before it must have seen a
    /// connection or release them anyway, judged with the vantage so far (memory stays flat).
    public var holdLimit: Int

    public init(holdLimit: Int = 2_000) { self.holdLimit = holdLimit }

    /// Adds one finished observation; returns those that are final now, each carrying the
    /// vantage they are judged with.
    public mutating func add(_ observation: Observation) -> [Observation] {
        counter.count(observation)
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
}
