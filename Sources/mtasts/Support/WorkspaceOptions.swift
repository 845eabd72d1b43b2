import ArgumentParser
import Foundation
import MTASTSStore

/// Options shared by every command that reads or writes the workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace file (default: $XDG_DATA_HOME/mtasts/workspace.sqlite, else ~/.local/share/mtasts/workspace.sqlite).",
        valueName: "path"))
    var workspace: String?

    /// The file this invocation uses.
    var path: String { workspace ?? Workspace.defaultPath() }

    /// Opens (and on first use creates) the workspace; problems become exit 3 with the reason.
    /// Only the default location gets its directories made: a `--workspace` in a directory that
    /// does not exist is a mistake to report, not a tree to create.
    func open() throws -> Workspace {
        do {
            return try Workspace.open(path: path, createDirectories: workspace == nil)
        } catch let error as WorkspaceError {
            throw UsageFailure(error.description)
        }
    }

    /// Opens the workspace for reading only (commands that only show): works on a read-only
    /// file or mount, creates and migrates nothing. A workspace not created yet reads as an
    /// empty one, unless `--workspace` names a directory that does not exist.
    func openReadOnly() throws -> Workspace {
        do {
            return try Workspace.openReadOnly(path: path)
        } catch WorkspaceError.missing {
            let parent = (path as NSString).deletingLastPathComponent
            if workspace != nil, !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
                throw UsageFailure(WorkspaceError.unusableLocation(path: path, reason: "the directory \(parent) does not exist").description)
            }
            do { return try Workspace.inMemory() } catch { throw UsageFailure("\(error)") }
        } catch let error as WorkspaceError {
            throw UsageFailure(error.description)
        }
    }
}
