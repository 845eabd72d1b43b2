import Foundation
import Testing

@Suite("mtasts lint sts-record / tlsrpt-record")
struct RecordLintCLITests {
    @Test("dig presentation form with split strings is one record")
    func splitStrings() throws {
        let result = try CLIRunner.run(["lint", "sts-record", "--txt", #""v=STSv1; " "id=20240101T0000;""#, "--json"])
        #expect(result.status == 0, "\(result.stdout)")
        let json = try result.json()
        #expect(Set(json.keys) == ["valid", "record", "findings"])
        #expect((json["record"] as? [String: Any])?["id"] as? String == "20240101T0000")
    }

    @Test("two --txt starting with v=STSv1 are sts-record.multiple (exit 2)")
    func multiple() throws {
        let result = try CLIRunner.run(["lint", "sts-record", "--txt", "v=STSv1; id=1", "--txt", "v=STSv1; id=2", "--json"])
        #expect(result.status == 2)
        let json = try result.json()
        #expect(json["valid"] as? Bool == false)
        #expect(json["record"] is NSNull)
        #expect(json.findingCodes.contains("sts-record.multiple"))
    }

    @Test("2,000 --txt values (both spellings, among other options) are all read, in order")
    func manyRecords() throws {
        var arguments = ["lint", "sts-record", "--json"]
        for index in 0..<2_000 { arguments += index.isMultiple(of: 2) ? ["--txt", "v=STSv1; id=\(index)"] : ["--txt=v=STSv1; id=\(index)"] }
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2)
        let json = try result.json()
        let multiple = (json["findings"] as? [[String: Any]])?.first { $0["code"] as? String == "sts-record.multiple" }
        #expect((multiple?["message"] as? String)?.hasPrefix("2000 records begin with") == true, "\(multiple ?? [:])")
        #expect((multiple?["evidence"] as? String)?.hasPrefix("v=STSv1; id=0 | v=STSv1; id=1 |") == true)
    }

    @Test("--txt on a command without it is still an unknown option; --txt without a value still an error")
    func txtElsewhere() throws {
        let unknown = try CLIRunner.run(["lint", "policy", "--txt", "v=STSv1; id=1", "-"], stdin: "version: STSv1\n")
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("--txt"), "stderr: \(unknown.stderr)")
        let missing = try CLIRunner.run(["lint", "sts-record", "--txt"])
        #expect(missing.status == 3)
    }

    @Test("\\DDD and \\\" escapes are decoded")
    func escapes() throws {
        let result = try CLIRunner.run(["lint", "sts-record", "--txt", #""v=STSv1;\032id=abc""#, "--json"])
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test("a record without v=STSv1 is missing; unrelated records are ignored with a note")
    func missing() throws {
        let result = try CLIRunner.run(["lint", "sts-record", "--txt", "google-site-verification=abc", "--json"])
        let json = try result.json()
        #expect(json.findingCodes.sorted() == ["sts-record.ignored", "sts-record.missing"])
        #expect(result.status == 1)
    }

    @Test("TLS-RPT: two URIs, one unusable scheme: valid with a warning (exit 1)")
    func tlsrpt() throws {
        let result = try CLIRunner.run([
            "lint", "tlsrpt-record", "--txt", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com , ftp://example.com/r", "--json",
        ])
        #expect(result.status == 1)
        let json = try result.json()
        #expect(json["valid"] as? Bool == true)
        #expect((json["record"] as? [String: Any])?["rua"] as? [String] == ["mailto:tlsrpt@example.com"])
        #expect(json.findingCodes == ["tlsrpt-record.invalid"])
    }

    @Test("TLS-RPT without rua is invalid, a warning like no record (exit 1): TLS-RPT never changes delivery")
    func tlsrptNoRua() throws {
        let result = try CLIRunner.run(["lint", "tlsrpt-record", "--txt", "v=TLSRPTv1;", "--json"])
        #expect(result.status == 1)
        let json = try result.json()
        #expect(json["valid"] as? Bool == false)
        #expect(json["record"] is NSNull)
        #expect(json.findingCodes.contains("tlsrpt-record.invalid"))
    }
}
