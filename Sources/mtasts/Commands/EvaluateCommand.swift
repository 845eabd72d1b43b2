import ArgumentParser
import Foundation
import MTASTSCore

/// `mtasts evaluate OBSERVATION.json`: judge a recorded observation offline.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Judge a recorded observation (JSON) and print the domain report.",
        discussion: """
            The observation is the `observation` member of `mtasts check --json` output, or a file \
            written by hand. Certificates are judged at the observation time unless --at is given.
            """)

    @Argument(help: "The observation JSON file, or - for standard input.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("Judge at this time instead (ISO 8601, e.g. 2026-01-31T00:00:00Z).", valueName: "time"))
    var at: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let input = try Input.read(path: file)
        let observation: Observation
        do {
            observation = try JSONCoding.decoder().decode(Observation.self, from: Data(input.bytes))
        } catch {
            throw UsageFailure("\(input.name) is not an observation: \(DecodingErrorText.describe(error))")
        }
        var when: Date?
        if let at {
            guard let parsed = try? Date(at, strategy: .iso8601) else {
                throw UsageFailure("--at \(at.debugDescription) is not an ISO 8601 time such as 2026-01-31T00:00:00Z")
            }
            when = parsed
        }
        let report = Evaluator.evaluate(observation, at: when)
        if output.json {
            try JSONOutput.print(report)
        } else {
            ReportPrinter(style: output.style).print(report)
        }
        try ExitStatus(findings: report.findings).exit()
    }
}

enum DecodingErrorText {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return p.isEmpty ? "top level" : String(p.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing `\(key.stringValue)` at \(path(context))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context)): \(context.debugDescription)"
        case .valueNotFound(_, let context): return "missing value at \(path(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
