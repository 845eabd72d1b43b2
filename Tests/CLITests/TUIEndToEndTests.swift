import Foundation
import Testing

/// The real binary in a real terminal (tmux), against the lab: a new user opens an empty
/// workspace, adds a domain, sees it checked, drills in, and quits; the terminal is restored.
@Suite("TUI end to end in tmux", .serialized, .enabled(if: TmuxSession.isAvailable && CLILab.isUsable))
struct TUIEndToEndTests {
    func labArguments() throws -> String {
        let env = try #require(CLILab.settings, "the lab is not running")
        return "--resolver \(env["LAB_RESOLVER"]!) --https-port \(env["LAB_HTTPS_PORT"]!) --smtp-port \(env["LAB_SMTP_PORT"]!) --ca-file \(env["LAB_CA_FILE"]!) --timeout 5"
    }

    @Test("empty workspace, add a lab domain, see it checked, open it, quit cleanly")
    func addAndCheck() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-e2e-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let session = try TmuxSession(command: "\(CLIRunner.binary.path) --workspace \(workspace) \(try labArguments())")
        defer { session.close() }
        try session.wait(for: "No domains yet")
        try session.send("a")
        try session.wait(for: "add domains:")
        try session.type("expired-mx.lab.test")
        try session.send("Enter")
        let checked = try session.wait(for: "mx-cert.expired")
        #expect(checked.contains("expired-mx.lab.test"))
        #expect(checked.contains("testing"))
        try session.send("Enter")
        try session.wait(for: "stage testing")
        try session.send("3")
        try session.wait(for: "✗ ERROR  mx-cert.expired")
        try session.send("Escape")
        try session.wait(for: "1/1")
        try session.send("q")
        let after = try session.wait(for: "MTASTS-EXITED-0")
        #expect(!after.contains("WORST FINDING"), "the alternate screen is gone: the terminal was restored")
    }

    @Test("mtasts demo opens without a network, filters, shows help, quits with Ctrl-C")
    func demo() throws {
        let session = try TmuxSession(command: "\(CLIRunner.binary.path) demo", width: 80, height: 24)
        defer { session.close() }
        try session.wait(for: "14 domains")
        try session.send("/")
        try session.type("status:fail")
        try session.send("Enter")
        let filtered = try session.wait(for: "filter: status:fail")
        #expect(!filtered.contains("secure.example"))
        try session.send("?")
        try session.wait(for: "Help: domain list keys")
        try session.send("Escape")
        try session.send("C-c")
        try session.wait(for: "MTASTS-EXITED-0")
    }

    @Test("NO_COLOR: no colour escapes in the painted screen, meaning kept in symbols and words")
    func noColor() throws {
        let session = try TmuxSession(command: "\(CLIRunner.binary.path) demo", width: 100, height: 30,
                                      environment: ["NO_COLOR": "1"])
        defer { session.close() }
        try session.wait(for: "14 domains")
        let coloured = try TmuxSession.tmux(["-L", session.socket, "capture-pane", "-t", session.name, "-p", "-e"])
        // SGR colour parameters: 30–38 foreground, 40–48 background (39/49 reset to default).
        let colour = /\x{1B}\[(?:[0-9]+;)*[34][0-8](?:;[0-9]+)*m/
        #expect(coloured.firstMatch(of: colour) == nil, "no colour escapes")
        #expect(coloured.contains("\u{1B}["), "the capture keeps attributes (bold, reverse)")
        #expect(coloured.contains("✗ mx-cert.expired"))
        try session.send("q")
        try session.wait(for: "MTASTS-EXITED-0")
    }
}
