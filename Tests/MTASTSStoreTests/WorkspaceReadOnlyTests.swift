import Foundation
import Testing
import GRDB
@testable import MTASTSStore

/// Issue 11: read-only commands open the workspace read-only; a mistyped `--workspace` and a
/// device file are errors, not a new directory tree or a `/dev/null-journal`.
@Suite("opening the workspace: read-only, missing directories, device files")
struct WorkspaceReadOnlyTests {
    @Test("a read-only handle reads what is stored, refuses writes and migrates nothing")
    func readOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("workspace.sqlite")
        let writable = try Workspace.open(path: path)
        _ = try writable.add(domains: ["example.org"])
        let reader = try Workspace.openReadOnly(path: path)
        #expect(reader.isReadOnly)
        #expect(try reader.domains().map(\.name) == ["example.org"])
        #expect(throws: (any Error).self) { try reader.add(domains: ["example.net"]) }
        #expect(try writable.domains().map(\.name) == ["example.org"])
        #expect(try reader.changeToken() == reader.changeToken())
    }

    @Test("read-only: a missing file is `missing`, an empty file needs a writing command first")
    func readOnlyMissingOrEmpty() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: WorkspaceError.missing(path: directory.path("none.sqlite"))) {
            try Workspace.openReadOnly(path: directory.path("none.sqlite"))
        }
        let empty = directory.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: WorkspaceError.needsMigration(path: empty)) { try Workspace.openReadOnly(path: empty) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty, "nothing was written")
    }

    @Test("a path in a directory that does not exist is an error unless directories may be made")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("nonexistent/dir/w.sqlite")
        #expect(throws: WorkspaceError.self) { try Workspace.open(path: path, createDirectories: false) }
        #expect(!FileManager.default.fileExists(atPath: directory.path("nonexistent")), "no directory was made")
        _ = try Workspace.open(path: path, createDirectories: true)  // the default location's way
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a device file is refused before SQLite sees it: no /dev/null-journal", arguments: [false, true])
    func deviceFile(readOnly: Bool) throws {
        let journalExisted = FileManager.default.fileExists(atPath: "/dev/null-journal")
        do {
            _ = readOnly ? try Workspace.openReadOnly(path: "/dev/null") : try Workspace.open(path: "/dev/null")
            Issue.record("/dev/null was accepted as a workspace")
        } catch let error as WorkspaceError {
            #expect(error == .unusableLocation(path: "/dev/null", reason: "it is a device, not a file"))
            #expect(error.description.contains("device"))
        }
        if !journalExisted { #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal")) }
    }

    @Test("the change token moves when another handle commits, not when this one does")
    func changeToken() throws {
        try withTemporaryWorkspace { workspace, _ in
            let other = try Workspace.open(path: try #require(workspace.path))
            let start = try workspace.changeToken()
            _ = try workspace.add(domains: ["own.example"])
            #expect(try workspace.changeToken() == start)
            _ = try other.add(domains: ["other.example"])
            #expect(try workspace.changeToken() != start)
        }
    }
}
