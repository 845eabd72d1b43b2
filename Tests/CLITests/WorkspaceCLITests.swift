import Foundation
import Testing

/// A temporary directory holding a workspace path for one test.
private struct TemporaryWorkspace {
    let directory: URL
    /// In the test's directory, which exists: a `--workspace` in a missing directory is an error.
    var path: String { directory.appendingPathComponent("workspace.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ content: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `mtasts ARGUMENTS --workspace PATH`.
    func run(_ arguments: [String], stdin: String? = nil) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--workspace", path], stdin: stdin)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("mtasts domains and import")
struct WorkspaceCLITests {
    @Test("--workspace in a directory that does not exist is exit 3 and makes no directory; the default location is made")
    func missingDirectory() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let missing = workspace.directory.appendingPathComponent("nonexistent/dir/w.sqlite").path
        for arguments in [["domains", "add", "example.com"], ["domains", "list"], ["status"]] {
            let result = try CLIRunner.run(arguments + ["--workspace", missing])
            #expect(result.status == 3, "\(arguments)")
            #expect(result.stderr.contains("does not exist"), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.directory.appendingPathComponent("nonexistent").path))
        let data = workspace.directory.appendingPathComponent("xdg").path
        let result = try CLIRunner.run(["domains", "add", "example.com"], environment: ["XDG_DATA_HOME": data])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: data + "/mtasts/workspace.sqlite"))
    }

    @Test("--workspace /dev/null is refused with a clear error, for writing and reading commands")
    func deviceFile() throws {
        let journalExisted = FileManager.default.fileExists(atPath: "/dev/null-journal")
        for arguments in [["domains", "add", "example.com"], ["domains", "list"], ["status"], ["history", "example.com"]] {
            let result = try CLIRunner.run(arguments + ["--workspace", "/dev/null"])
            #expect(result.status == 3, "\(arguments)")
            #expect(result.stderr.contains("/dev/null") && result.stderr.contains("device"), "\(arguments): \(result.stderr)")
        }
        if !journalExisted { #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal")) }
    }

    @Test("read-only commands leave a workspace file untouched and read it")
    func readOnlyCommands() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run(["domains", "add", "example.com"]).status == 0)
        let before = try FileManager.default.attributesOfItem(atPath: workspace.path)[.modificationDate] as? Date
        for arguments in [["domains", "list"], ["status"], ["history", "example.com"], ["reports", "summary"]] {
            let result = try workspace.run(arguments)
            #expect(result.status != 3, "\(arguments): \(result.stderr)")
        }
        #expect(try workspace.run(["domains", "list"]).stdout.contains("example.com"))
        let after = try FileManager.default.attributesOfItem(atPath: workspace.path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test("domains add prints added, already present and invalid; exit 3 when any is invalid")
    func add() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let first = try workspace.run(["domains", "add", "Example.COM.", "b.example"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("added          example.com"))
        #expect(first.stdout.contains("2 added, 0 already present, 0 invalid"))
        #expect(FileManager.default.fileExists(atPath: workspace.path))

        let second = try workspace.run(["domains", "add", "b.example", "not a domain", "c.example", "--json"])
        #expect(second.status == 3)
        #expect(second.stderr.hasPrefix("mtasts: "))
        #expect(second.stderr.contains("not a domain name: \"not a domain\""))
        let json = try second.json()
        #expect(json["added"] as? [String] == ["c.example"])
        #expect(json["existing"] as? [String] == ["b.example"])
        #expect(json["invalid"] as? [String] == ["not a domain"])
    }

    @Test("domains add without a name is bad usage")
    func addNothing() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["domains", "add"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("give at least one DOMAIN"))
    }

    @Test("domains list: name, added time, stage and last check (never checked yet)")
    func list() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let empty = try workspace.run(["domains", "list"])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("no domains in"))
        _ = try workspace.run(["domains", "add", "b.example", "a.example", "--note", "client X"])

        let text = try workspace.run(["domains", "list"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DOMAIN") == true)
        #expect(lines[1].hasPrefix("a.example") && lines[1].contains("never") && lines[1].contains("# client X"))
        #expect(lines[2].hasPrefix("b.example"))
        #expect(lines.last == "2 domains, 0 checked")

        let json = try workspace.run(["domains", "list", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["name"] as? String } == ["a.example", "b.example"])
        #expect(array[0]["note"] as? String == "client X")
        #expect(array[0]["latest"] is NSNull)
        let added = try #require(array[0]["addedAt"] as? String)
        #expect((try? Date(added, strategy: .iso8601)) != nil)
    }

    @Test("domains remove: removed, not present (exit 1), invalid (exit 3)")
    func remove() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        _ = try workspace.run(["domains", "add", "a.example", "b.example"])
        let removed = try workspace.run(["domains", "remove", "A.example"])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("removed        a.example"))
        let missing = try workspace.run(["domains", "remove", "a.example", "--json"])
        #expect(missing.status == 1)
        #expect(try missing.json()["missing"] as? [String] == ["a.example"])
        let invalid = try workspace.run(["domains", "remove", "b..example"])
        #expect(invalid.status == 3)
        let list = try workspace.run(["domains", "list", "--json"])
        #expect(list.stdout.contains("\"b.example\""))
        #expect(!list.stdout.contains("\"a.example\""))
    }

    @Test("import: comments and blank lines skipped, invalid lines reported by number, valid ones added, exit 1")
    func importFile() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        _ = try workspace.run(["domains", "add", "c.example"])
        let file = try workspace.file("domains.txt", """
            # customer domains
            a.example
            B.Example.   # trailing comment

            not a domain
            c.example
            a.example
            -bad.example
            """)
        let result = try workspace.run(["import", file])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("2 added, 2 already present, 2 invalid"), "\(result.stdout)")
        #expect(result.stderr.contains("domains.txt:5: \"not a domain\" is not a domain name"))
        #expect(result.stderr.contains("domains.txt:8: \"-bad.example\" is not a domain name"))

        let json = try workspace.run(["import", file, "--json"])
        let object = try json.json()
        #expect(object["added"] as? Int == 0)
        #expect(object["existing"] as? Int == 4)
        let invalid = try #require(object["invalid"] as? [[String: Any]])
        #expect(invalid.map { $0["line"] as? Int } == [5, 8])

        let list = try workspace.run(["domains", "list", "--json"])
        let names = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            .compactMap { $0["name"] as? String }
        #expect(names == ["a.example", "b.example", "c.example"])
    }

    @Test("import - reads standard input; a clean file is exit 0")
    func importStdin() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["import", "-"], stdin: "x.example\ny.example\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported stdin: 2 added"))
    }

    @Test("import of a missing file is exit 3")
    func importMissing() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["import", "/nonexistent/domains.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("no such file"))
    }

    @Test("a --workspace that is not an SQLite file: exit 3 with a clear message, file untouched")
    func notAWorkspace() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let path = try workspace.file("notes.txt", "just some notes\n")
        let result = try CLIRunner.run(["domains", "list", "--workspace", path])
        #expect(result.status == 3)
        #expect(result.stderr == "mtasts: \(path) is not an mtasts workspace: it is not an SQLite database\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "just some notes\n")
    }

    @Test("without --workspace the file goes to $XDG_DATA_HOME/mtasts/workspace.sqlite")
    func defaultLocation() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let data = workspace.directory.appendingPathComponent("xdg").path
        let result = try CLIRunner.run(["domains", "add", "a.example"], environment: ["XDG_DATA_HOME": data])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: data + "/mtasts/workspace.sqlite"))
    }
}
