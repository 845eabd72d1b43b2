import Foundation
import MTASTSCore
import MTASTSProbe
import MTASTSStore

/// The real world: the SQLite workspace and live checks over the network.
public struct LiveServices: WorkspaceServices {
    public let workspace: Workspace
    let checker: BulkChecker

    public init(workspace: Workspace, checker: BulkChecker) {
        self.workspace = workspace
        self.checker = checker
    }

    public func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async {
        let workspace = self.workspace
        _ = await checker.check(domains) { _, observation in
            _ = try? workspace.save(observation)
            report(Evaluator.evaluate(observation, at: Date()))
        }
    }
}
