import Foundation
import MTASTSCore

/// How the domain list is ordered; `s` cycles through them.
public enum SortOrder: String, Sendable, CaseIterable {
    case name
    case severity
    case stage
    case expiry
    case checked

    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public var label: String {
        switch self {
        case .name: "name"
        case .severity: "worst finding"
        case .stage: "stage"
        case .expiry: "cert expiry"
        case .checked: "last checked"
        }
    }

    /// Whether `a` comes before `b`; ties fall back to the name so the order is total.
    public func areInIncreasingOrder(_ a: DomainRow, _ b: DomainRow) -> Bool {
        func byName() -> Bool { a.name < b.name }
        switch self {
        case .name: return byName()
        case .severity:
            let ra = rank(a), rb = rank(b)
            return ra != rb ? ra > rb : byName()
        case .stage:
            let sa = a.stage.map { LiveStage.allCases.firstIndex(of: $0)! } ?? -1
            let sb = b.stage.map { LiveStage.allCases.firstIndex(of: $0)! } ?? -1
            return sa != sb ? sa > sb : byName()
        case .expiry:
            let ea = a.expiryDays ?? Int.max, eb = b.expiryDays ?? Int.max
            return ea != eb ? ea < eb : byName()
        case .checked:
            let ca = a.checkedAt ?? .distantPast, cb = b.checkedAt ?? .distantPast
            return ca != cb ? ca < cb : byName()
        }
    }

    /// Errors first, then what could not be checked, then warnings, then unchecked, then clean.
    func rank(_ row: DomainRow) -> Int {
        switch row.worstSeverity {
        case .error: 5
        case .unknown: 4
        case .warning: 3
        case nil where !row.isChecked: 2
        case .info: 1
        case nil: 0
        }
    }
}
