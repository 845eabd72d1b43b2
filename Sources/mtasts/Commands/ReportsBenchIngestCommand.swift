import ArgumentParser
import Foundation
import MTASTSIngest
import MTASTSStore

/// `mtasts reports bench-ingest PATH...` (hidden): parses every report of the paths with the
/// ingester, stores nothing (or, with `--workspace`, stores them in that workspace), and prints
/// counts, rate and peak memory.
struct ReportsBenchIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ingest",
        abstract: "Parse every report of files, mboxes and maildirs without storing; print rate and memory.",
        shouldDisplay: false)

    @Argument(help: "Report files, messages, mboxes, maildirs.")
    var paths: [String] = []

    @Flag(name: .long, help: "Print each error.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Also store the reports in this workspace file.", valueName: "path"))
    var workspace: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH") }
    }

    func run() throws {
        var ingester = ReportIngester()
        let clock = ContinuousClock()
        var failed = 0
        var policies = 0
        var batch = try workspace.map { path in
            do {
                return ReportStoreBatch(workspace: try Workspace.open(path: path))
            } catch {
                throw UsageFailure("\(error)")
            }
        }
        let verbose = verbose
        let ignore: (ReportStoreBatch.Failure) -> Void = { _ in }
        let elapsed = try clock.measure {
            for path in paths {
                try ingester.ingest(path: path) { item in
                    policies += item.parsed?.report.policies.count ?? 0
                    try batch?.add(item, onFailure: ignore)
                    if let error = item.error {
                        failed += 1
                        if verbose { print("\(item.source): \(error)") }
                    }
                }
            }
            try batch?.flush(onFailure: ignore)
        }
        if let batch {
            print("stored \(batch.stored), duplicates in workspace or run \(batch.duplicates)")
        }
        let summary = ingester.summary
        let seconds = elapsed.seconds
        let rate = seconds > 0 ? Double(summary.reports + summary.duplicates) / seconds : 0
        print("""
            items \(summary.items), reports \(summary.reports), duplicates \(summary.duplicates), errors \(summary.failures), \
            policies \(policies)
            elapsed \(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", rate)) reports/s, \
            peak RSS \(String(format: "%.1f", PeakMemory.mebibytes)) MiB
            """)
    }
}
