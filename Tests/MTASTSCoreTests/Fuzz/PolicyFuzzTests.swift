import Foundation
import Testing
@testable import MTASTSCore

@Suite("Fuzz: policy files")
struct PolicyFuzzTests {
    static let handWritten: [[UInt8]] = [
        "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n",
        "version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400",
        "version: STSv1\nmode: none\nmax_age: 0\n",
        "version:STSv1\nmode:enforce\nmx:a.example\nmx:a.example\nmax_age:31557601\nx-ext: 1\n",
        "\u{FEFF}version: STSv1\r\nmode: enforce\rmx: bare-cr.example\n\n\nmax_age: 1\n",
        "version: STSv1\nmode: enforce\nmx: *.*.example\nmx: 192.0.2.1\nmx: [::1]\nmax_age: -5\n",
    ].map { Array($0.utf8) }

    static let dictionary: [[UInt8]] = [
        "version: STSv1\n", "mode: enforce\n", "mode: testing\n", "mode: none\n", "mx: ", "mx: *.",
        "max_age: ", "nmx: ", "Mode: ", "version", "mode", "max_age", ":", ": ", "\r\n", "\n", "\r",
        ".", "*", "-", "..", "\t", " ", "\u{0}", "\u{FFFD}", "é", "xn--", "max-age: ", "31557600",
    ].map { Array($0.utf8) }

    @Test("PolicyParser: mutated policies give a result with bounded findings", .timeLimit(.minutes(1)))
    func policies() {
        let seed: UInt64 = 0x4655_5A5A_504F_4C01
        let seeds = FuzzSeeds.files("policies", suffix: ".txt") + Self.handWritten
        #expect(seeds.count >= Self.handWritten.count + 3, "the Examples/policies seeds are found")
        var mutator = FuzzMutator(seed: seed, seeds: seeds, dictionary: Self.dictionary)
        runFuzz("PolicyParser", seed: seed, iterations: 4_000, mutator: &mutator) { bytes in
            let result = PolicyParser.parse(bytes)
            if let problem = findingsBounded(result.findings, inputBytes: bytes.count) { return problem }
            if let policy = result.value {
                let lines = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
                if policy.mx.count > lines { return "\(policy.mx.count) mx patterns from \(lines) lines" }
                if result.isValid, policy.maxAge < 0 { return "accepted max_age \(policy.maxAge)" }
            }
            return nil
        }
    }

    @Test("PolicyParser: a 64 KiB body of repeated fields stays linear", .timeLimit(.minutes(1)))
    func repeatedFields() {
        var body = Array("version: STSv1\nmode: enforce\nmax_age: 86400\n".utf8)
        while body.count < 64 * 1024 { body += Array("mx: mail.example.com\nmode: testing\nnmx: x\n".utf8) }
        let result = PolicyParser.parse(body)
        #expect(findingsBounded(result.findings, inputBytes: 200) == nil, "repeated fields are grouped, not one finding each")
    }
}
