import ArgumentParser
import Foundation
import Logging
import MTASTSServe
import MTASTSStore

/// `mtasts serve`: host every planned policy over HTTPS (RFC 8461 §3.3), receive TLS-RPT
/// reports POSTed to an `https:` rua URI (RFC 8460 §3), and expose `/metrics` and
/// `/status.json` on a loopback listener: one long-running process over the workspace.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Host the planned policies over HTTPS, receive TLS-RPT over HTTPS, expose /metrics and /status.json.",
        discussion: """
            Serves https://mta-sts.<domain>/.well-known/mta-sts.txt for every domain whose plan publishes a policy \
            (testing, enforce, none), with the plan's body; advancing a plan changes what is served within a second. \
            Certificates come from --certs directories in the certbot (live/<name>/fullchain.pem + privkey.pem) or \
            acme.sh (<name>/fullchain.cer + <name>.key) layout, chosen by SNI and reloaded when the files change. \
            Reports POSTed to --reports-path (application/tlsrpt+json or +gzip) are stored like `reports ingest`. \
            SIGTERM or SIGINT stops gracefully.
            """)

    @Option(name: .long, help: ArgumentHelp("Public HTTPS listener.", valueName: "host:port")) var listen = "0.0.0.0:443"
    @Option(name: .long, help: ArgumentHelp("Listener for /metrics and /status.json (keep it on loopback).", valueName: "host:port"))
    var adminListen = "127.0.0.1:9464"
    @Option(name: .long, help: ArgumentHelp("A directory of certificates (certbot or acme.sh layout); repeatable.", valueName: "dir"))
    var certs: [String] = []
    @Option(name: .long, help: ArgumentHelp("The name whose certificate answers clients that send no SNI.", valueName: "host"))
    var defaultHost: String?
    @Option(name: .long, help: ArgumentHelp("Path of the TLS-RPT endpoint (rua=https://<host><path>).", valueName: "path"))
    var reportsPath = "/tlsrpt"
    @Flag(name: .long, help: "Do not accept reports over HTTPS.") var noReports = false
    @Option(name: .long, help: "Largest report body in bytes (compressed).") var maxReportBytes = 2 * 1024 * 1024
    @Option(name: .long, help: "Seconds a client has to send a whole request.") var requestTimeout: Double = 10
    @Option(name: .long, help: "Reports a client may send at once before it is limited to --report-rate per second.")
    var reportBurst: Double = 30
    @Option(name: .long, help: "Reports per second per client after the burst.") var reportRate: Double = 1
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        guard (try? Self.hostPort(listen)) != nil else { throw ValidationError("--listen must be host:port, e.g. 0.0.0.0:443") }
        guard (try? Self.hostPort(adminListen)) != nil else { throw ValidationError("--admin-listen must be host:port, e.g. 127.0.0.1:9464") }
        guard reportsPath.hasPrefix("/"), reportsPath != "/.well-known/mta-sts.txt" else {
            throw ValidationError("--reports-path must start with / and differ from the policy path")
        }
        guard maxReportBytes > 0, requestTimeout > 0, reportBurst >= 1, reportRate >= 0 else {
            throw ValidationError("--max-report-bytes, --request-timeout and --report-burst must be positive")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: trace, debug, info, notice, warning, error or critical") }
        for directory in certs where !FileManager.default.fileExists(atPath: directory) {
            throw ValidationError("--certs \(directory): no such directory")
        }
    }

    func run() async throws {
        var logger = Logger(label: "mtasts.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let (publicHost, publicPort) = try Self.hostPort(listen)
        let (adminHost, adminPort) = try Self.hostPort(adminListen)
        var limits = ServeLimits()
        limits.requestBodyBytes = maxReportBytes
        limits.requestSeconds = requestTimeout
        limits.reportBurst = reportBurst
        limits.reportsPerSecond = reportRate
        let configuration = ServeConfiguration(
            publicHost: publicHost, publicPort: publicPort, adminHost: adminHost, adminPort: adminPort,
            certificateDirectories: certs, defaultHost: defaultHost, reportsPath: noReports ? nil : reportsPath, limits: limits)
        let runner = ServeRunner(configuration: configuration, workspace: try workspace.open(), logger: logger)
        try await runner.run(onListening: { listening in
            // One line tests and supervisors can wait for.
            let line = "serve: listening on \(publicHost):\(listening.publicPort) (public), \(adminHost):\(listening.adminPort) (metrics)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        })
    }

    /// `host:port`, `[v6]:port`.
    static func hostPort(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw ValidationError("not host:port: \(text)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("not host:port: \(text)") }
        return (host, port)
    }
}
