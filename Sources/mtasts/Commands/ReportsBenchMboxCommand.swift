import ArgumentParser
import Foundation
import MTASTSIngest

/// `mtasts reports bench-mbox --messages N --out FILE` (hidden): writes a synthetic mbox of
/// report mails for ingest benchmarks.
struct ReportsBenchMboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-mbox",
        abstract: "Write a synthetic mbox of N TLS-RPT report mails (for benchmarks).",
        shouldDisplay: false)

    @Option(name: .long, help: "Number of messages (about 1.6 KB each; 65000 make about 100 MB).")
    var messages: Int

    @Option(name: .long, help: ArgumentHelp("The mbox file to write.", valueName: "file"))
    var out: String

    @Option(name: .long, help: "Seed of the generator.")
    var seed: UInt64 = 8460

    func validate() throws {
        guard messages >= 1 else { throw ValidationError("--messages must be at least 1") }
    }

    func run() throws {
        let stats: SyntheticMbox.Stats
        do {
            stats = try SyntheticMbox.write(messages: messages, to: out, seed: seed)
        } catch {
            throw UsageFailure("cannot write \(out): \(error)")
        }
        print("wrote \(out): \(stats.messages) messages, \(stats.bytes) bytes, \(stats.duplicates) duplicates")
    }
}
