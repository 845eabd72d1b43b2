import Foundation
import Testing

/// `mtasts settings`: known keys only, each checked before it is stored.
@Suite("mtasts settings")
struct SettingsCLITests {
    @Test("list, set, show, unset rollout.webroot; a missing directory or an unknown key is exit 3")
    func webroot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-settings-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ws = ["--workspace", directory.appendingPathComponent("w.sqlite").path]
        let www = directory.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)

        #expect(try CLIRunner.run(["settings"] + ws).stdout == "rollout.webroot  (unset)\n")
        let set = try CLIRunner.run(["settings", "rollout.webroot", www.path + "/./"] + ws)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "rollout.webroot  \(www.standardizedFileURL.path)\n", "stored normalised")
        let json = try CLIRunner.run(["settings", "--json"] + ws).json()
        #expect(json["rollout.webroot"] as? String == www.standardizedFileURL.path)

        let missing = try CLIRunner.run(["settings", "rollout.webroot", directory.appendingPathComponent("nope").path] + ws)
        #expect(missing.status == 3 && missing.stderr.contains("is not a directory"))
        #expect(try CLIRunner.run(["settings", "rollout.webroot"] + ws).stdout.contains(www.standardizedFileURL.path),
                "a refused value leaves the old one")
        let typo = try CLIRunner.run(["settings", "rollout.webrot", "/tmp"] + ws)
        #expect(typo.status == 3 && typo.stderr.contains("known: rollout.webroot"))

        #expect(try CLIRunner.run(["settings", "rollout.webroot", "--unset"] + ws).stdout == "rollout.webroot  (unset)\n")
    }
}
