import Foundation
import Testing

/// The guided rollout walked end to end against the lab, as an operator would: rollout.lab.test
/// (only this test touches it) goes none → testing → enforce → testing → none → removed, with
/// its DNS zone (`lab.sh set-zone`) and policy file (`lab.sh set-policy`) changed between steps.
@Suite("mtasts rollout walk against the lab", .enabled(if: CLILab.isUsable), .serialized)
struct RolloutLabCLITests {
    static let domain = "rollout.lab.test"

    struct Lab {
        let env: [String: String]
        var probe: [String] {
            ["--resolver", env["LAB_RESOLVER"]!, "--https-port", env["LAB_HTTPS_PORT"]!, "--smtp-port", env["LAB_SMTP_PORT"]!,
             "--ca-file", env["LAB_CA_FILE"]!, "--timeout", "5"]
        }

        /// Runs `scripts/lab/lab.sh ARGS` with `input` on stdin.
        func script(_ arguments: [String], input: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [CLIRunner.packageRoot.appendingPathComponent("scripts/lab/lab.sh").path] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["LAB_DIR"] = env["LAB_DIR"]
            process.environment = environment
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "lab.sh \(arguments.joined(separator: " ")) failed")
        }

        /// The zone as the operator edits it: MX hosts (one with an expired certificate), the
        /// policy host, TLS-RPT, and the `_mta-sts` record when an id is given.
        func setZone(stsID: String?) throws {
            var records = """
                rollout.lab.test. 0 IN MX 10 mx-good.lab.test.
                rollout.lab.test. 0 IN MX 20 mx-expired.lab.test.
                mta-sts.rollout.lab.test. 0 IN A \(env["LAB_HTTPS_ADDR"]!)
                _smtp._tls.rollout.lab.test. 0 IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@rollout.lab.test"

                """
            if let stsID { records += "_mta-sts.rollout.lab.test. 0 IN TXT \"v=STSv1; id=\(stsID);\"\n" }
            try script(["set-zone", RolloutLabCLITests.domain], input: records)
        }

        func setPolicy(_ text: String) throws { try script(["set-policy", RolloutLabCLITests.domain], input: text) }
    }

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\n\(result.stderr)")
    }

    @Test("none → testing → enforce (refused, then overridden with the typed name and a reason) → testing → none → removed")
    func walk() throws {
        let lab = Lab(env: try #require(CLILab.settings, "the lab is not running (scripts/lab/lab.sh start)"))
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-rollout-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace + suffix) } }
        let ws = ["--workspace", workspace]
        let domain = Self.domain
        func run(_ arguments: [String]) throws -> CLIRunner.Result {
            try CLIRunner.run(arguments + ws + lab.probe, environment: ["USER": "tester"])
        }
        /// Publishes the stored plan as an operator would (policy file first, then the record)
        /// and says so; returns the verified live stage.
        func publishPlan() throws -> String? {
            let show = try json(try CLIRunner.run(["plan", "show", domain, "--json"] + ws))
            let plan = try #require(show["plan"] as? [String: Any])
            if plan["target"] as? String == "removed" {
                try lab.setZone(stsID: nil)
                try lab.setPolicy("")
            } else {
                try lab.setPolicy(try #require(plan["policyText"] as? String))
                try lab.setZone(stsID: try #require(plan["policyID"] as? String))
            }
            let published = try run(["published", domain, "--wait", "20", "--interval", "0.5", "--json"])
            #expect(published.status == 0, "not verified: \(published.stdout)")
            let verification = try json(published)["verification"] as? [String: Any]
            #expect(verification?["matches"] as? Bool == true)
            return try json(published)["liveStage"] as? String
        }

        // The starting point: MX records and the policy host, no MTA-STS.
        try lab.setZone(stsID: nil)
        try lab.setPolicy("")

        // none → testing: nothing to gate. Short max_ages keep the removal wait at seconds.
        let toTesting = try run(["plan", domain, "--to", "testing", "--max-age-testing", "1", "--max-age-enforce", "2",
                                 "--max-age-none", "1", "--soak-days", "0", "--json"])
        #expect(toTesting.status == 0, "\(toTesting.stdout)\(toTesting.stderr)")
        let testingPlan = try #require(try json(toTesting)["plan"] as? [String: Any])
        #expect((testingPlan["policyText"] as? String)?.contains("mode: testing\r\nmx: mx-good.lab.test\r\nmx: mx-expired.lab.test\r\n") == true)
        #expect(try publishPlan() == "testing")

        // An operator edits the policy but forgets the id: caught from history (RFC 8461 §3.1).
        let testingID = try #require(testingPlan["policyID"] as? String)
        try lab.setPolicy((testingPlan["policyText"] as? String ?? "").replacingOccurrences(
            of: "max_age: 1\r\n", with: "mx: mx-good2.lab.test\r\nmax_age: 1\r\n"))
        #expect(try run(["published", domain, "--verify-only"]).status == 1)
        let stale = try json(try CLIRunner.run(["plan", "show", domain, "--json"] + ws))
        #expect((stale["idFindings"] as? [[String: Any]])?.first?["code"] as? String == "policy.id-not-bumped")
        #expect(((stale["nextStep"] as? [String: Any])?["kind"] as? String) == "fix")
        let blocked = try json(try run(["advance", domain, "--json"]))
        let blockedCodes = ((blocked["gate"] as? [String: Any])?["blockers"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(blockedCodes.contains("policy.id-not-bumped"))
        // Re-planning issues a new id even though the planned text is unchanged.
        let replanned = try json(try run(["plan", domain, "--to", "testing", "--json"]))
        #expect((replanned["plan"] as? [String: Any])?["policyID"] as? String != testingID)
        #expect(try publishPlan() == "testing")

        // testing → enforce: refused while mx-expired.lab.test has an expired certificate.
        let refused = try run(["advance", domain, "--json"])
        #expect(refused.status == 2)
        let refusedJSON = try json(refused)
        #expect(refusedJSON["allowed"] as? Bool == false)
        let blockers = (refusedJSON["gate"] as? [String: Any])?["blockers"] as? [[String: Any]] ?? []
        #expect(blockers.contains { $0["code"] as? String == "mx-cert.expired" && $0["subject"] as? String == "mx-expired.lab.test" })
        let text = try run(["advance", domain])
        #expect(text.status == 2)
        #expect(text.stdout.contains("REFUSED"))
        #expect(text.stdout.contains("✗ BLOCKER  mx-cert.expired  mx-expired.lab.test"))
        // An override needs the typed domain name and a reason.
        #expect(try run(["advance", domain, "--confirm-domain", "other.lab.test", "--override-reason", "x"]).status == 2)
        #expect(try run(["advance", domain, "--confirm-domain", domain]).status == 2)
        let reason = "INC-42: mx-expired is being decommissioned tonight"
        let overridden = try run(["advance", domain, "--confirm-domain", domain, "--override-reason", reason, "--operator", "alice", "--json"])
        #expect(overridden.status == 0, "\(overridden.stdout)")
        #expect(try json(overridden)["decision"] as? String == "overridden")
        #expect(try publishPlan() == "enforce")

        // enforce → testing (emergency): a warning about cached enforce policies to acknowledge.
        let back = try run(["plan", domain, "--to", "testing"])
        #expect(back.status == 1)
        #expect(back.stdout.contains("rollout.cached-policy"))
        #expect(try run(["plan", domain, "--to", "testing", "--confirm-domain", domain]).status == 0)
        #expect(try publishPlan() == "testing")

        // testing → none (RFC 8461 §8.3), wait max_age, then remove the records.
        #expect(try run(["plan", domain, "--to", "none"]).status == 0)
        #expect(try publishPlan() == "removing")
        Thread.sleep(forTimeInterval: 3)  // the largest max_age published was 2 s
        let removal = try run(["advance", domain, "--json"])
        #expect(removal.status == 0, "\(removal.stdout)")
        #expect((try json(removal)["plan"] as? [String: Any])?["target"] as? String == "removed")
        #expect(try publishPlan() == "none")

        // The audit log has the override with its operator and reason; the timeline every stage.
        let history = try json(try CLIRunner.run(["history", domain, "--json"] + ws))
        let audit = history["audit"] as? [[String: Any]] ?? []
        let override = try #require(audit.first { $0["action"] as? String == "override" })
        #expect(override["operator"] as? String == "alice")
        #expect((override["detail"] as? String)?.contains(reason) == true)
        #expect((override["detail"] as? String)?.contains("mx-cert.expired") == true)
        #expect(audit.contains { $0["action"] as? String == "refused" && $0["operator"] as? String == "tester" })
        let stages = (history["timeline"] as? [[String: Any]] ?? []).compactMap { $0["stage"] as? String }
        #expect(stages == ["none", "testing", "enforce", "testing", "removing", "none"])
        let historyText = try CLIRunner.run(["history", domain] + ws)
        #expect(historyText.stdout.contains("alice  override"))

        let status = try CLIRunner.run(["status", "--json"] + ws)
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        let line = try #require(lines.first { $0["domain"] as? String == domain })
        #expect(line["liveStage"] as? String == "none")
        #expect(line["plannedStage"] as? String == "removed")
        #expect((line["nextStep"] as? [String: Any])?["kind"] as? String == "done")
    }
}
