import ArgumentParser
import MTASTSCore

/// Monitoring-plugin style exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the checker
/// could not look, or could not run). An observed error outranks what could not be checked.
enum ExitStatus: Int32 {
    case clean = 0
    case warnings = 1
    case errors = 2
    case couldNotRun = 3

    init(findings: [Finding]) {
        switch findings.worstSeverity {
        case .error: self = .errors
        case .unknown: self = .couldNotRun
        case .warning: self = .warnings
        default: self = .clean
        }
    }

    /// Ends the command with this status (nothing to do for `clean`).
    func exit() throws {
        if self != .clean { throw ExitCode(rawValue) }
    }
}

/// An input problem that stops the command (exit 3); the message goes to stderr.
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
