import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts status`: one line per domain of the workspace: live stage, planned stage, next step,
/// blockers of the next move. From stored observations; no network.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "One line per domain: live stage, planned stage, next step, blockers (from stored checks).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let lines = try workspace.openReadOnly().statusLines(now: Date())
        if output.json { return try JSONOutput.print(lines) }
        guard !lines.isEmpty else {
            print("no domains in the workspace: mtasts domains add DOMAIN... (or mtasts import FILE)")
            return
        }
        let width = max(lines.map(\.domain.count).max() ?? 6, 6)
        print("DOMAIN".padding(toLength: width, withPad: " ", startingAt: 0) + "  LIVE      PLAN      NEXT")
        for line in lines {
            var text = line.domain.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            text += (line.liveStage?.rawValue ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
            text += (line.plannedStage?.rawValue ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
            text += "[\(line.nextStep.kind.rawValue)] \(line.nextStep.text)"
            if !line.blockers.isEmpty { text += "  blockers: " + Array(Set(line.blockers)).sorted().joined(separator: ", ") }
            if !line.unknowns.isEmpty { text += "  not checked: " + Array(Set(line.unknowns)).sorted().joined(separator: ", ") }
            print(text)
        }
    }
}
