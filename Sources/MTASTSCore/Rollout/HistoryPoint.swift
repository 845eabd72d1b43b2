import Foundation

/// One stored observation as the rollout rules need it: what senders saw at that time.
/// The workspace maps its observation summaries to these; the rules sort them by time.
public struct HistoryPoint: Codable, Sendable, Hashable {
    public var observedAt: Date
    public var liveStage: LiveStage
    /// The `id=` of the valid `_mta-sts` record.
    public var policyID: String?
    /// SHA-256 (hex) of the policy body served with status 200.
    public var policySHA256: String?
    public var mode: STSMode?
    public var maxAge: Int?
    /// Distinct MX host names, sorted; `nil` when the lookup failed.
    public var mxHosts: [String]?

    public init(
        observedAt: Date, liveStage: LiveStage, policyID: String? = nil, policySHA256: String? = nil,
        mode: STSMode? = nil, maxAge: Int? = nil, mxHosts: [String]? = nil
    ) {
        self.observedAt = observedAt
        self.liveStage = liveStage
        self.policyID = policyID
        self.policySHA256 = policySHA256
        self.mode = mode
        self.maxAge = maxAge
        self.mxHosts = mxHosts
    }
}

extension Array where Element == HistoryPoint {
    /// Oldest first (stable for equal times).
    public var chronological: [HistoryPoint] {
        enumerated().sorted { $0.element.observedAt != $1.element.observedAt ? $0.element.observedAt < $1.element.observedAt : $0.offset < $1.offset }
            .map(\.element)
    }

    /// The trailing run of points in `stage`, oldest first (empty when the newest is elsewhere).
    public func trailingRun(in stage: LiveStage) -> [HistoryPoint] {
        Array(chronological.reversed().prefix { $0.liveStage == stage }.reversed())
    }
}

/// A stretch of time during which every observation showed the same live stage.
public struct StageSpan: Codable, Sendable, Hashable {
    public var stage: LiveStage
    public var from: Date
    /// The last observation in the stage.
    public var to: Date
    public var observations: Int

    /// Consecutive observations in the same stage merged, oldest first.
    public static func timeline(_ history: [HistoryPoint]) -> [StageSpan] {
        var spans: [StageSpan] = []
        for point in history.chronological {
            if var last = spans.last, last.stage == point.liveStage {
                last.to = point.observedAt
                last.observations += 1
                spans[spans.count - 1] = last
            } else {
                spans.append(StageSpan(stage: point.liveStage, from: point.observedAt, to: point.observedAt, observations: 1))
            }
        }
        return spans
    }
}
