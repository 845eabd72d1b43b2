import Foundation
import Testing

/// The lab of real servers started by `scripts/test` (scripts/lab/lab.sh): its settings from
/// `$LAB_DIR/lab.env`.
///
/// Lab tests use `.enabled(if: Lab.isUsable)`. When `MTASTS_LAB=required` (set by
/// `scripts/test`, so in CI) a missing lab is a failure, never a silent skip.
struct Lab: Sendable {
    var resolver: String
    var authDNS: String
    var httpsAddress: String
    var httpsPort: Int
    var smtpPort: Int
    var caFile: String
    var wwwDir: String
    var dir: String

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let current: Lab? = {
        let env = ProcessInfo.processInfo.environment
        let dir = env["LAB_DIR"] ?? packageRoot.appendingPathComponent("lab-run").path
        guard let text = try? String(contentsOfFile: dir + "/lab.env", encoding: .utf8) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard let resolver = values["LAB_RESOLVER"], let auth = values["LAB_AUTH_DNS"],
            let httpsAddress = values["LAB_HTTPS_ADDR"], let httpsPort = values["LAB_HTTPS_PORT"].flatMap(Int.init),
            let smtpPort = values["LAB_SMTP_PORT"].flatMap(Int.init), let ca = values["LAB_CA_FILE"],
            let www = values["LAB_WWW_DIR"]
        else { return nil }
        return Lab(resolver: resolver, authDNS: auth, httpsAddress: httpsAddress, httpsPort: httpsPort,
                   smtpPort: smtpPort, caFile: ca, wwwDir: www, dir: dir)
    }()

    static var isRequired: Bool { ProcessInfo.processInfo.environment["MTASTS_LAB"] == "required" }

    /// Run lab tests when the lab is up, or when it is required (so its absence fails).
    static var isUsable: Bool { current != nil || isRequired }

    /// The lab, or a recorded failure when it is required but absent.
    static func require() throws -> Lab {
        try #require(current, "the lab is not running: start it with scripts/lab/lab.sh start (scripts/test does)")
    }
}
