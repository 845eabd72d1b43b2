import ArgumentParser
import Foundation

/// Runs the command tree with monitoring-plugin exit codes: 0 clean, 1 warnings, 2 errors,
/// 3 could not run (bad usage, unreadable input), with the reason on stderr.
@main
enum Entry {
    static func main() async {
        do {
            var command = try parse(Array(CommandLine.arguments.dropFirst()))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if MTASTSCommand.exitCode(for: error) == .success {
                print(MTASTSCommand.fullMessage(for: error))
                Foundation.exit(0)
            }
            var message = MTASTSCommand.fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst(7) }
            FileHandle.standardError.write(Data(("mtasts: " + message + "\n").utf8))
            Foundation.exit(ExitStatus.couldNotRun.rawValue)
        }
    }

    /// Parses the command line, with the `--txt` values collected in one pass and given to the
    /// command after parsing (``RepeatedOption``). When the command has no `--txt`, the
    /// original arguments are parsed again so ArgumentParser reports the unknown option.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        let split = RepeatedOption.extract("txt", from: arguments)
        guard !split.values.isEmpty else { return try MTASTSCommand.parseAsRoot(arguments) }
        let command = try MTASTSCommand.parseAsRoot(split.remaining)
        guard var records = command as? any RecordListCommand else { return try MTASTSCommand.parseAsRoot(arguments) }
        records.txt = split.values + records.txt
        return records
    }
}
