import Foundation
@testable import MTASTSCore

/// Reports, plans and histories for the rollout rules.
enum RolloutFixture {
    static let now = Fixture.now
    static let day = Fixture.day

    /// A live report of example.com in `mode` (clean unless the observation is given).
    static func report(mode: STSMode? = .testing, id: String = "20250615120000abcd", maxAge: Int = 86_400,
                       mx: [String] = Fixture.mxHosts, policyMX: [String]? = nil, probedHosts: [MXHostObservation]? = nil,
                       tlsrpt: Bool = true, authenticated: Bool = true) -> DomainReport {
        let observation: Observation
        if let mode {
            observation = Fixture.observation(
                mx: mx, sts: ["v=STSv1; id=\(id);"], tlsrpt: tlsrpt ? [Fixture.tlsrptRecord] : [], authenticated: authenticated,
                fetch: Fixture.fetch(body: Fixture.policyText(mode: mode, mx: policyMX ?? mx, maxAge: maxAge)),
                probedHosts: probedHosts)
        } else {
            observation = Fixture.observation(mx: mx, sts: [], tlsrpt: tlsrpt ? [Fixture.tlsrptRecord] : [], authenticated: authenticated,
                                              fetch: Fixture.fetch(status: 404), probedHosts: probedHosts)
        }
        return Evaluator.evaluate(observation, at: now)
    }

    static func plan(_ target: RolloutTarget, id: String = "20250615130000plan", maxAge: Int? = nil, mx: [String] = Fixture.mxHosts,
                     settings: RolloutSettings = RolloutSettings()) -> RolloutPlan {
        let text = target.mode.map { Fixture.policyText(mode: $0, mx: mx, maxAge: maxAge ?? settings.maxAge(for: $0)) } ?? ""
        return RolloutPlan(domain: Fixture.domain, target: target, policyText: text, policyID: id, settings: settings, createdAt: now - day)
    }

    static func point(_ daysAgo: Double, _ stage: LiveStage, id: String? = "a", sha: String? = "s1", mode: STSMode? = nil, maxAge: Int? = 86_400) -> HistoryPoint {
        let mode = mode ?? (stage == .testing ? .testing : stage == .enforce ? .enforce : stage == .removing ? STSMode.none : nil)
        return HistoryPoint(observedAt: now - daysAgo * day, liveStage: stage, policyID: stage == .none ? nil : id,
                            policySHA256: stage == .none ? nil : sha, mode: mode, maxAge: stage == .none ? nil : maxAge,
                            mxHosts: Fixture.mxHosts)
    }
}
