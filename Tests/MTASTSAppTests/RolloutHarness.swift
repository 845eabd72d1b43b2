import Foundation
import MTASTSCore
import MTASTSStore
@testable import MTASTSApp

/// The rollout side of ``AppDriver``: an in-memory demo workspace (with the demo plans and
/// audit entries), made on first use, answering requests at once with the fixed time; a
/// "fresh check" replays the recorded observation.
final class RolloutHarness: @unchecked Sendable {
    private var made: Workspace?

    var workspace: Workspace {
        if let made { return made }
        let workspace = try! Workspace.inMemory()
        _ = try! DemoServices.make(workspace: workspace, now: AppDriver.now)
        made = workspace
        return workspace
    }

    func respond(_ request: RolloutRequest, observations: [String: Observation], operator: String) -> RolloutResponse {
        var report: DomainReport?
        if RolloutService.needsFreshCheck(request), var observation = observations[request.domain] {
            observation.observedAt = AppDriver.now
            _ = try? workspace.save(observation)
            report = Evaluator.evaluate(observation, at: AppDriver.now)
        }
        return RolloutService(workspace: workspace).respond(request, report: report, operator: `operator`, now: AppDriver.now)
    }
}
