import Foundation
import MTASTSCore
import MTASTSIngest
import MTASTSStore

/// Collects ingested reports and writes them to the workspace in batches (each report
/// all-or-nothing inside its batch, see `Workspace.store`), counting what happened.
struct ReportStoreBatch {
    struct Failure: Encodable {
        var source: String
        var kind: String
        var message: String
    }

    let workspace: Workspace
    var batchSize = 500
    private(set) var items = 0
    private(set) var stored = 0
    private(set) var duplicates = 0
    private(set) var failures: [Failure] = []
    private var pending: [ParsedTLSRPTReport] = []
    private var sources: [String?] = []

    init(workspace: Workspace) { self.workspace = workspace }

    /// Takes one item of the ingester; a failure is reported through `onFailure` at once.
    mutating func add(_ item: IngestItem, onFailure: (Failure) -> Void) throws {
        items += 1
        switch item.outcome {
        case .report(let parsed):
            pending.append(parsed)
            sources.append(item.source)
            if pending.count >= batchSize { try flush(onFailure: onFailure) }
        case .duplicate:
            duplicates += 1
        case .failure(let error):
            let failure = Failure(source: item.source, kind: error.kind, message: error.description)
            failures.append(failure)
            onFailure(failure)
        }
    }

    /// Writes what is pending.
    mutating func flush(onFailure: (Failure) -> Void) throws {
        guard !pending.isEmpty else { return }
        let outcomes = try workspace.store(pending, sources: sources, batchSize: batchSize)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .stored: stored += 1
            case .duplicate: duplicates += 1
            case .failed(let reason):
                let failure = Failure(source: sources[index] ?? "?", kind: "store-failed", message: reason)
                failures.append(failure)
                onFailure(failure)
            }
        }
        pending.removeAll(keepingCapacity: true)
        sources.removeAll(keepingCapacity: true)
    }
}
