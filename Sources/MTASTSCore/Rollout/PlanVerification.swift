import Foundation

/// Whether what senders get now is what the plan says, line by line, with the reasons a
/// just-published change may not show yet.
///
/// Senders read the `_mta-sts` TXT record through their resolver (cached up to its TTL) and
/// fetch the policy only when the id differs from the one they cached (RFC 8461 §3.1, §5.1);
/// a cached policy is kept until its `max_age` runs out (§3.3). Verification therefore compares
/// the record and the policy file the checker sees, and explains the delays instead of failing.
public struct PlanVerification: Codable, Sendable, Hashable {
    public var matches: Bool
    public var stageMatches: Bool
    public var recordMatches: Bool
    public var policyMatches: Bool
    /// The `_mta-sts` record texts seen (empty when none).
    public var liveRecords: [String]
    /// The record to publish; `nil` when the plan removes it.
    public var plannedRecord: String?
    /// Live policy lines against planned lines.
    public var policyDiff: [DiffLine]
    /// Why a published change may not be visible yet.
    public var delays: [String]

    public static func verify(plan: RolloutPlan, report: DomainReport) -> PlanVerification {
        let observation = report.observation
        let liveRecords = observation.stsTXT.records.map(\.text).filter { STSRecordParser.isCandidate($0) }
        var liveLines: [String] = []
        if let fetch = observation.policyFetch, fetch.status == 200, let body = fetch.body {
            liveLines = LineDiff.lines(String(decoding: body, as: UTF8.self))
        }
        let plannedLines = LineDiff.lines(plan.policyText)
        let diff = LineDiff.diff(live: liveLines, planned: plannedLines)
        let policyMatches = liveLines == plannedLines
        let recordMatches: Bool
        let plannedRecord: String?
        if plan.target == .removed {
            plannedRecord = nil
            recordMatches = liveRecords.isEmpty
        } else {
            plannedRecord = plan.record.text
            recordMatches = report.stsRecord?.id == plan.policyID && liveRecords.count == 1
        }
        let stageMatches = report.liveStage == plan.target.expectedStage
        var delays: [String] = []
        let ttl = observation.stsTXT.ttl
        if !recordMatches {
            delays.append("DNS: resolvers keep the old `_mta-sts` answer up to its TTL" + (ttl.map { " (\($0) s here)" } ?? "")
                + ", and a negative answer up to the zone's SOA minimum; secondaries update after the serial changes.")
        }
        if !policyMatches {
            delays.append("HTTPS: the policy file is read on every check; a CDN or cache in front of mta-sts.\(plan.domain) may serve the old file for a while.")
        }
        delays.append("Senders: a sender re-fetches the policy only when it sees a new id (RFC 8461 §5.1) and otherwise keeps its cached policy until max_age runs out (§3.3).")
        return PlanVerification(
            matches: stageMatches && recordMatches && policyMatches, stageMatches: stageMatches, recordMatches: recordMatches,
            policyMatches: policyMatches, liveRecords: liveRecords, plannedRecord: plannedRecord, policyDiff: diff,
            delays: delays)
    }
}
