import Foundation

/// One step of an MX change under a live policy, with whether it is done.
public struct MXMigrationStep: Codable, Sendable, Hashable {
    public var number: Int
    public var text: String
    public var done: Bool
}

/// The safe order for changing MX hosts while a policy is live (RFC 8461 §8.1 policy updates,
/// §3.1 id rules, §3.3/§5.1 caching): senders holding the old policy refuse a new MX host it
/// does not list, so the new host must be in the policy (with a new id) and the old policy must
/// have expired from caches before the MX records switch; the old host is dropped last, with
/// another new id.
public enum MXMigration {
    /// The steps, or `nil` when no migration is planned or needed.
    /// - `newMX`: the MX set being moved to (the plan's `plannedMX`); when `nil`, live MX hosts
    ///   that the live policy does not cover make one (the MX records already changed).
    public static func steps(newMX planned: [String]?, report: DomainReport, history: [HistoryPoint], now: Date) -> [MXMigrationStep]? {
        guard let policy = report.policy, report.liveStage == .testing || report.liveStage == .enforce else { return nil }
        let liveMX = Set(report.observation.mx.records.filter { !$0.isNull }.map(\.host))
        let uncovered = liveMX.filter { MXMatcher.firstMatch(in: policy.mx, host: $0) == nil }
        let newMX: Set<String>
        if let planned, !planned.isEmpty {
            newMX = Set(planned.map(MXMatcher.normalize))
            if newMX == liveMX && policy.mx.allSatisfy({ pattern in newMX.contains { MXMatcher.matches(pattern: pattern, host: $0) } }) { return nil }
        } else if !uncovered.isEmpty {
            newMX = liveMX
        } else {
            return nil
        }
        let oldMX = liveMX.subtracting(newMX)
        let all = oldMX.union(newMX)
        let covered = all.allSatisfy { MXMatcher.firstMatch(in: policy.mx, host: $0) != nil }
        // Since when the live policy covers the union: the trailing run with the live id.
        let liveID = report.stsRecord?.id
        let coverSince = history.chronological.reversed().prefix { $0.policyID == liveID }.last?.observedAt
        let maxAge = history.chronological.map { $0.maxAge ?? 0 }.max() ?? policy.maxAge
        let waitUntil = coverSince.map { $0.addingTimeInterval(TimeInterval(maxAge)) }
        let waited = covered && (waitUntil.map { $0 <= now } ?? false)
        let switched = liveMX == newMX
        let onlyNew = switched && policy.mx.allSatisfy { pattern in newMX.contains { MXMatcher.matches(pattern: pattern, host: $0) } }
        let list = { (hosts: Set<String>) in hosts.sorted().joined(separator: ", ") }
        return [
            MXMigrationStep(number: 1, text: "Publish a policy listing old and new MX hosts (\(list(all))) with a new id", done: covered),
            MXMigrationStep(number: 2, text: "Wait for senders' cached policies to expire: max_age \(RolloutDuration.text(TimeInterval(maxAge)))"
                + (waitUntil.map { ", until \($0.rolloutText)" } ?? ""), done: waited),
            MXMigrationStep(number: 3, text: "Switch the MX records to \(list(newMX))", done: switched),
            MXMigrationStep(number: 4, text: "Publish a policy with only the new MX hosts, with another new id", done: onlyNew),
        ]
    }
}
