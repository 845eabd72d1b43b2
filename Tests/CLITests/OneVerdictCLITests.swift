import Foundation
import Testing

/// Every command gives the same verdict for the same domain, and the checker's own failures
/// are "could not check" (exit 3), never the domain's: against the lab, as an operator would.
@Suite("One verdict across check, status, plan show and advance; could not check", .enabled(if: CLILab.isUsable), .serialized)
struct OneVerdictCLITests {
    let env: [String: String]
    let workspace: String

    init() throws {
        env = try #require(CLILab.settings, "the lab is not running (scripts/lab/lab.sh start)")
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-verdict-\(UUID()).sqlite").path
    }

    var probe: [String] {
        ["--resolver", env["LAB_RESOLVER"]!, "--https-port", env["LAB_HTTPS_PORT"]!, "--smtp-port", env["LAB_SMTP_PORT"]!,
         "--ca-file", env["LAB_CA_FILE"]!, "--timeout", "5"]
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--workspace", workspace])
    }

    func object(_ result: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\n\(result.stderr)")
    }

    func array(_ result: CLIRunner.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stdout)\n\(result.stderr)")
    }

    func codes(_ items: Any?) -> Set<String> {
        Set((items as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
    }

    func has(_ items: Any?, _ code: String) -> Bool { codes(items).contains(code) }

    @Test("an MX certificate 5 days from expiry: blocked in check --json, status --json, plan show and advance; a clean testing domain is not")
    func agree() throws {
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace + suffix) } }
        let expiring = "expiring-mx.lab.test", clean = "testing.lab.test"
        let check = try run(["check", expiring, clean, "--save", "--json"] + probe)
        let reports = try array(check)
        let byDomain = Dictionary(uniqueKeysWithValues: reports.map { ($0["domain"] as? String ?? "", $0) })
        let blockedReport = try #require(byDomain[expiring])
        let cleanReport = try #require(byDomain[clean])
        #expect(blockedReport["enforceReady"] as? Bool == false)
        #expect(has((blockedReport["enforce"] as? [String: Any])?["blockers"], "mx-cert.expiring"))
        #expect(cleanReport["enforceReady"] as? Bool == true)

        let status = try array(try run(["status", "--json"]))
        let blockedLine = try #require(status.first { $0["domain"] as? String == expiring })
        let cleanLine = try #require(status.first { $0["domain"] as? String == clean })
        #expect((blockedLine["blockers"] as? [String] ?? []).contains("mx-cert.expiring"))
        #expect(blockedLine["gate"] as? String == "blocked")
        #expect(((blockedLine["nextStep"] as? [String: Any])?["text"] as? String)?.contains("mtasts advance") != true,
                "status never suggests a move the gate refuses")
        #expect((cleanLine["blockers"] as? [String] ?? []).isEmpty)
        #expect(cleanLine["gate"] as? String != "blocked")

        let show = try object(try run(["plan", "show", expiring, "--json"]))
        #expect(has((show["gate"] as? [String: Any])?["blockers"], "mx-cert.expiring"))
        #expect(codes((try object(try run(["plan", "show", clean, "--json"]))["gate"] as? [String: Any])?["blockers"]).isEmpty)

        let advance = try run(["advance", expiring, "--no-check", "--json"])
        #expect(advance.status == 2, "\(advance.stdout)")
        #expect(has((try object(advance)["gate"] as? [String: Any])?["blockers"], "mx-cert.expiring"))
        let cleanAdvance = try run(["advance", clean, "--no-check", "--json"])
        #expect(cleanAdvance.status != 2, "\(cleanAdvance.stdout)")
        #expect(codes((try object(cleanAdvance)["gate"] as? [String: Any])?["blockers"]).isEmpty)
    }

    @Test("the resolver unreachable: exit 3, says so, nothing written as the domain's stage")
    func resolverUnreachable() throws {
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace + suffix) } }
        let result = try run(["check", "testing.lab.test", "--save", "--resolver", "127.0.0.1:9", "--timeout", "2"])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("stage: unknown"))
        #expect(result.stdout.contains("check.resolver-unreachable"))
        #expect(!result.stdout.contains("broken"))
        #expect(result.stderr.contains("could not check 1 of 1 domain(s)"))
        let history = try object(try run(["history", "testing.lab.test", "--json"]))
        #expect((history["observations"] as? [Any])?.isEmpty == true, "no stage written: \(history)")
        #expect((history["timeline"] as? [Any])?.isEmpty == true)
    }

    @Test("port 25 unreachable for every MX of the run while HTTPS works: said once, exit 3, no mx.unreachable")
    func smtpBlocked() throws {
        var probe = self.probe
        let port = probe.firstIndex(of: "--smtp-port")! + 1
        probe[port] = "9"  // nothing listens on the discard port here
        let result = try CLIRunner.run(["check", "testing.lab.test", "good.lab.test"] + probe)
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "looks blocked from this machine").count == 2, "said once: \(result.stderr)")
        #expect(result.stdout.contains("check.smtp-blocked"))
        #expect(!result.stdout.contains("mx.unreachable"))
    }
}

extension OneVerdictCLITests {
    @Test("--json-lines: one compact DomainReport per line, every domain once, the same verdicts as --json")
    func jsonLines() throws {
        let domains = ["testing.lab.test", "good.lab.test", "expiring-mx.lab.test", "nopolicy.lab.test"]
        let lines = try CLIRunner.run(["check"] + domains + ["--json-lines"] + probe)
        let objects = try lines.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(Set(objects.compactMap { $0["domain"] as? String }) == Set(domains))
        #expect(objects.count == domains.count)
        let array = try array(try CLIRunner.run(["check"] + domains + ["--json"] + probe))
        for object in objects {
            let same = try #require(array.first { $0["domain"] as? String == object["domain"] as? String })
            #expect(same["enforceReady"] as? Bool == object["enforceReady"] as? Bool)
            #expect(same["liveStage"] as? String == object["liveStage"] as? String)
        }
        #expect(lines.status == 1 || lines.status == 2, "warnings or errors among these domains: \(lines.status)")
    }
}

extension OneVerdictCLITests {
    @Test("dane tlsa: the key served now, the same key from its private key file (one line), the next key from a certificate")
    func daneTLSA() throws {
        let certs = URL(fileURLWithPath: env["LAB_DIR"]!).appendingPathComponent("certs")
        let result = try CLIRunner.run(["dane", "tlsa", "mx-good.lab.test", "--live",
                                        "--pem", certs.appendingPathComponent("mx-good.lab.test.key").path,
                                        "--pem", certs.appendingPathComponent("mx-good2.lab.test.pem").path] + probe)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("_25._tcp.mx-good.lab.test. 3600 IN TLSA 3 1 1 ") }
        #expect(lines.count == 2, "the live key and its key file are one record: \(result.stdout)")
        #expect(lines.first?.contains("served now by") == true)
        #expect(lines.last?.contains("mx-good2.lab.test.pem") == true)
        #expect(result.stdout.contains("wait at least two TTLs (7200 s)"))
        let junk = try CLIRunner.run(["dane", "tlsa", "mx-good.lab.test", "--pem", "/dev/null"])
        #expect(junk.status == 3)
    }
}
