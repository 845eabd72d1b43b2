/// Failures of one policy added up by result type and receiving MX: the table an operator
/// reads first ("certificate-expired at mx1: 120 sessions").
public struct TLSRPTFailureGroup: Codable, Sendable, Hashable {
    public var resultType: TLSRPTResultType
    /// ``TLSRPTFailureDetail/receivingMX``; `nil` when the sender named no receiving side.
    public var receivingMX: String?
    /// The sum of `failed-session-count` over the group's details.
    public var failedSessions: Int
    /// How many `failure-details` entries were added up.
    public var details: Int

    public init(resultType: TLSRPTResultType, receivingMX: String?, failedSessions: Int, details: Int) {
        self.resultType = resultType
        self.receivingMX = receivingMX
        self.failedSessions = failedSessions
        self.details = details
    }
}

extension TLSRPTPolicyResult {
    /// `failure-details` grouped by result type × receiving MX, most failed sessions first
    /// (ties by result type, then MX, so the order is stable).
    public var failureGroups: [TLSRPTFailureGroup] {
        struct Key: Hashable {
            var type: TLSRPTResultType
            var mx: String?
        }
        var order: [Key] = []
        var groups: [Key: TLSRPTFailureGroup] = [:]
        for detail in failureDetails {
            let key = Key(type: detail.resultType, mx: detail.receivingMX)
            if groups[key] == nil {
                order.append(key)
                groups[key] = TLSRPTFailureGroup(resultType: key.type, receivingMX: key.mx, failedSessions: 0, details: 0)
            }
            groups[key]!.failedSessions = groups[key]!.failedSessions.addingSaturating(detail.failedSessions)
            groups[key]!.details += 1
        }
        return order.compactMap { groups[$0] }.sorted { a, b in
            if a.failedSessions != b.failedSessions { return a.failedSessions > b.failedSessions }
            if a.resultType.rawValue != b.resultType.rawValue { return a.resultType.rawValue < b.resultType.rawValue }
            return (a.receivingMX ?? "") < (b.receivingMX ?? "")
        }
    }
}
