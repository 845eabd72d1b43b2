import Foundation
import MTASTSCore
import MTASTSStore
import NIOConcurrencyHelpers

/// Carries out rollout requests against a workspace. Synchronous and given the report and the
/// time, so tests drive it directly; the services wrap it with a fresh check.
public struct RolloutService: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Whether `request` wants a fresh check first (the gate and verification do; loading does not).
    public static func needsFreshCheck(_ request: RolloutRequest) -> Bool {
        if case .load = request { return false }
        return true
    }

    /// Answers `request` with `report` (fresh, or `nil` to use the newest stored observation).
    public func respond(_ request: RolloutRequest, report fresh: DomainReport?, operator: String, now: Date) -> RolloutResponse {
        let domain = request.domain
        do {
            let report = try fresh ?? workspace.latestObservation(domain: domain).map { Evaluator.evaluate($0, at: now) }
            switch request {
            case .load:
                return .loaded(try panel(domain, report: report, fresh: false, now: now))
            case .move(_, let to, let override):
                let move = try workspace.move(domain: domain, to: to, report: report, override: override, operator: `operator`, now: now)
                return .moved(move, try panel(domain, report: report, fresh: fresh != nil, now: now))
            case .published, .verify:
                if case .published = request { try workspace.markPublished(domain: domain, operator: `operator`, now: now) }
                var matches = false
                if let report {
                    matches = try workspace.recordVerification(domain: domain, report: report, operator: `operator`, now: now)?.matches ?? false
                }
                return .verified(matches: matches, try panel(domain, report: report, fresh: fresh != nil, now: now))
            }
        } catch {
            return .failed(domain: domain, "\(error)")
        }
    }

    func panel(_ domain: String, report: DomainReport?, fresh: Bool, now: Date) throws -> RolloutPanelData {
        RolloutPanelData(
            domain: domain, assessment: try workspace.rolloutAssessment(domain: domain, report: report, now: now),
            audit: try workspace.auditLog(domain: domain), report: report, fresh: fresh)
    }
}

/// Collects the report a check callback delivers.
final class ReportBox: Sendable {
    private let stored = NIOLockedValueBox<DomainReport?>(nil)
    func set(_ report: DomainReport) {
        stored.withLockedValue { $0 = report }
    }
    var value: DomainReport? {
        stored.withLockedValue { $0 }
    }
}

extension AppServices {
    /// A fresh check of `domain` through the service's own `check` (saved to the workspace).
    func freshReport(_ domain: String) async -> DomainReport? {
        let box = ReportBox()
        _ = await check([domain]) { box.set($0) }
        return box.value
    }
}

extension LiveServices {
    public func rollout(_ request: RolloutRequest, operator: String) async -> RolloutResponse {
        let report = RolloutService.needsFreshCheck(request) ? await freshReport(request.domain) : nil
        return RolloutService(workspace: workspace).respond(request, report: report, operator: `operator`, now: Date())
    }
}

extension DemoServices {
    public func rollout(_ request: RolloutRequest, operator: String) async -> RolloutResponse {
        let report = RolloutService.needsFreshCheck(request) ? await freshReport(request.domain) : nil
        return RolloutService(workspace: workspace).respond(request, report: report, operator: `operator`, now: Date())
    }
}
