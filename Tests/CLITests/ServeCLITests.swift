import Foundation
import Testing

/// `mtasts serve` as the operator runs it, against the lab: the hosted policy fetched by a
/// second, independent MTA-STS implementation (postfix-mta-sts-resolver), `/status.json` equal
/// to `mtasts status --json`, `/metrics` parsed by the Prometheus client library's own parser
/// and agreeing with `mtasts check --json`, SIGTERM stopping it cleanly.
@Suite("mtasts serve against the lab", .enabled(if: CLILab.isUsable), .serialized)
struct ServeCLITests {
    static let domain = "testing.lab.test"
    /// Not the lab's own max_age, so what the sender read can only have come from serve.
    static let maxAge = 123_456

    struct Setup {
        let directory: String
        let workspace: String
        let certs: String
        let env: [String: String]
        var probe: [String] {
            ["--resolver", env["LAB_RESOLVER"]!, "--https-port", env["LAB_HTTPS_PORT"]!, "--smtp-port", env["LAB_SMTP_PORT"]!,
             "--ca-file", env["LAB_CA_FILE"]!, "--timeout", "5"]
        }
    }

    /// A workspace with testing.lab.test checked and planned, and the lab's certificate for its
    /// policy host laid out as certbot does.
    func setUp() throws -> Setup {
        let env = try #require(CLILab.settings, "the lab is not running")
        let directory = NSTemporaryDirectory() + "mtasts-serve-cli-\(UUID().uuidString.prefix(8))"
        let live = directory + "/certs/live/mta-sts.\(Self.domain)"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        let labCerts = (env["LAB_DIR"] ?? CLIRunner.packageRoot.appendingPathComponent("lab-run").path) + "/certs"
        try FileManager.default.createSymbolicLink(atPath: live + "/fullchain.pem", withDestinationPath: labCerts + "/mta-sts.\(Self.domain).pem")
        try FileManager.default.createSymbolicLink(atPath: live + "/privkey.pem", withDestinationPath: labCerts + "/mta-sts.\(Self.domain).key")
        let setup = Setup(directory: directory, workspace: directory + "/ws.sqlite", certs: directory + "/certs", env: env)
        let check = try CLIRunner.run(["check", Self.domain, "--save", "--workspace", setup.workspace] + setup.probe)
        #expect(check.status <= 1, "check: \(check.stderr)")
        let plan = try CLIRunner.run(["plan", "set", Self.domain, "--to", "testing", "--no-check", "--max-age-testing", "\(Self.maxAge)", "--workspace", setup.workspace])
        #expect(plan.status == 0, "plan: \(plan.stdout) \(plan.stderr)")
        return setup
    }

    @Test("postfix-mta-sts-resolver fetches the hosted policy and finds it valid; curl gets the plan's body")
    func independentSenderFetchesIt() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(atPath: setup.directory) }
        let serve = try ServeProcess(["--workspace", setup.workspace, "--certs", setup.certs])
        defer { _ = serve.stop() }
        let planned = try CLIRunner.run(["plan", "show", Self.domain, "--json", "--workspace", setup.workspace])
        let body = try #require((try planned.json()["plan"] as? [String: Any])?["policyText"] as? String)

        let curled = try curl([
            "--cacert", setup.env["LAB_CA_FILE"]!, "--resolve", "mta-sts.\(Self.domain):\(serve.publicPort):127.0.0.1",
            "https://mta-sts.\(Self.domain):\(serve.publicPort)/.well-known/mta-sts.txt",
        ])
        #expect(curled.stdout == body)

        let query = try CLIRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", CLIRunner.packageRoot.appendingPathComponent("scripts/lab/mta_sts_query_loopback.py").path, Self.domain,
             "--resolver", setup.env["LAB_RESOLVER"]!, "--https", "127.0.0.1:\(serve.publicPort)"],
            environment: ["SSL_CERT_FILE": setup.env["LAB_CA_FILE"]!], timeout: .seconds(60))
        #expect(query.status == 0, "mta-sts-query: \(query.stdout) \(query.stderr)")
        let answer = try query.json()
        #expect(answer["status"] as? String == "VALID")
        let policy = try #require(answer["policy"] as? [String: Any])
        #expect(policy["mode"] as? String == "testing")
        #expect(policy["max_age"] as? Int == Self.maxAge, "the policy came from serve, not from the lab's web server")
        let mx = Set((policy["mx"] as? [String]) ?? [])
        #expect(!mx.isEmpty && mx.allSatisfy { body.contains("mx: \($0)") }, "the resolver read the plan's mx lines: \(mx)")
        #expect(serve.stop() == 0, "SIGTERM stops serve cleanly: \(serve.stderr)")
    }

    @Test("/status.json is mtasts status --json; /metrics parses and agrees with check --json")
    func statusAndMetricsAgree() throws {
        let setup = try setUp()
        defer { try? FileManager.default.removeItem(atPath: setup.directory) }
        let serve = try ServeProcess(["--workspace", setup.workspace, "--certs", setup.certs])
        defer { _ = serve.stop() }

        let served = try curl(["http://127.0.0.1:\(serve.adminPort)/status.json"])
        let status = try CLIRunner.run(["status", "--json", "--workspace", setup.workspace])
        let a = try JSONSerialization.jsonObject(with: Data(served.stdout.utf8)) as? NSArray
        let b = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? NSArray
        #expect(a != nil && a == b, "serve: \(served.stdout)\nstatus: \(status.stdout)")

        let metrics = try curl(["http://127.0.0.1:\(serve.adminPort)/metrics"])
        let parsed = try CLIRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", """
                import json, sys
                from prometheus_client.parser import text_string_to_metric_families
                out = {}
                for family in text_string_to_metric_families(sys.stdin.read()):
                    for s in family.samples:
                        out[s.name + json.dumps(s.labels, sort_keys=True)] = s.value
                print(json.dumps(out))
                """], stdin: metrics.stdout, timeout: .seconds(60))
        #expect(parsed.status == 0, "the Prometheus parser rejected /metrics: \(parsed.stderr)\n\(metrics.stdout)")
        let samples = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Double])

        let check = try CLIRunner.run(["check", Self.domain, "--json", "--workspace", setup.workspace] + setup.probe)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let report = try #require(reports.first)
        let stage = try #require(report["liveStage"] as? String)
        func sample(_ name: String, _ labels: [String: String]) -> Double? {
            let key = name + String(decoding: try! JSONSerialization.data(withJSONObject: labels, options: [.sortedKeys]), as: UTF8.self)
                .replacingOccurrences(of: ",", with: ", ").replacingOccurrences(of: ":", with: ": ")
            return samples[key]
        }
        #expect(sample("mtasts_domain_live_stage", ["domain": Self.domain, "stage": stage]) == 1, "\(samples.keys.sorted())")
        let findings = (report["findings"] as? [[String: Any]]) ?? []
        for severity in ["error", "warning", "info"] {
            let count = Double(findings.filter { $0["severity"] as? String == severity }.count)
            #expect(sample("mtasts_domain_findings", ["domain": Self.domain, "severity": severity]) == count, "\(severity)")
        }
        #expect(sample("mtasts_serve_certificate_ok", ["host": "mta-sts.\(Self.domain)", "state": "valid"]) == 1)
    }
}
