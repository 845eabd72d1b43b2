import ArgumentParser
import Foundation
import MTASTSIngest

/// `mtasts reports bench-ingest PATH...` (hidden): parses every report of the paths with the
/// ingester, stores nothing, and prints counts, rate and peak memory.
struct ReportsBenchIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ingest",
        abstract: "Parse every report of files, mboxes and maildirs without storing; print rate and memory.",
        shouldDisplay: false)

    @Argument(help: "Report files, messages, mboxes, maildirs.")
    var paths: [String] = []

    @Flag(name: .long, help: "Print each error.")
    var verbose = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH") }
    }

    func run() throws {
        var ingester = ReportIngester()
        let clock = ContinuousClock()
        var failed = 0
        var policies = 0
        let elapsed = clock.measure {
            for path in paths {
                ingester.ingest(path: path) { item in
                    policies += item.parsed?.report.policies.count ?? 0
                    if let error = item.error {
                        failed += 1
                        if verbose { print("\(item.source): \(error)") }
                    }
                }
            }
        }
        let summary = ingester.summary
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(summary.reports + summary.duplicates) / seconds : 0
        print("""
            items \(summary.items), reports \(summary.reports), duplicates \(summary.duplicates), errors \(summary.failures), \
            policies \(policies)
            elapsed \(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", rate)) reports/s, \
            peak RSS \(String(format: "%.1f", PeakMemory.mebibytes)) MiB
            """)
    }
}
