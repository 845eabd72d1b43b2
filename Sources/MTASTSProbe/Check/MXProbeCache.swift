import MTASTSCore

/// Probes each (MX host, address, port) once per run: many domains share MX hosts
/// (hosted mail, vanity domains), and probing a shared MX once per domain would multiply the
/// load on it and the run time. Concurrent requests for the same key wait for the same probe.
public actor MXProbeCache {
    struct Key: Hashable {
        var host: String
        var address: String
        var port: Int
    }

    private var probes: [Key: Task<SMTPProbe, Never>] = [:]
    public private(set) var requests = 0

    public init() {}

    public func probe(host: String, address: String, port: Int, using prober: any MXProbing) async -> SMTPProbe {
        requests += 1
        let key = Key(host: MXMatcher.normalize(host), address: address, port: port)
        if let existing = probes[key] { return await existing.value }
        let task = Task { await prober.probe(host: key.host, address: address, port: port) }
        probes[key] = task
        return await task.value
    }

    /// How many distinct probes ran.
    public var distinctProbes: Int { probes.count }
}
