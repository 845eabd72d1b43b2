import Foundation
import Testing
@testable import MTASTSCore

/// Reads fuzz input as an RRset: NUL separates records, U+0001 separates the character-strings
/// of one record (both are in the dictionary, so mutations make RRsets of several records).
private func rrset(_ bytes: [UInt8]) -> [TXTRecord] {
    String(decoding: bytes, as: UTF8.self)
        .split(separator: "\u{0}", omittingEmptySubsequences: false)
        .map { TXTRecord(strings: $0.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)) }
}

private let recordDictionary: [[UInt8]] = [
    "v=STSv1", "v=STSv1;", "v=TLSRPTv1;", "V=stsv1", "id=", "rua=", "mailto:", "https://", "http://",
    ";", " ; ", "=", ",", "%2C", "%3B", "\t", " ", "\u{0}", "\u{1}", "id=20250614T000000;", "x-ext=1;",
    "rua=mailto:a@example.com,mailto:b@example.com", "!", "@", "\u{FFFD}", "\u{00A0}", "é",
].map { Array($0.utf8) }

private let stsSeeds: [[UInt8]] = [
    "v=STSv1; id=20250614T000000;",
    "v=STSv1;id=1",
    "v=STSv1 ; id=abc ; ext=value ;",
    "v=STSv1; id=a; id=b; id=c",
    "v=STSv1; id=123\u{0}v=spf1 -all\u{0}v=STSv1; id=456",
    "v=STSv1; \u{1}id=split",
    " v=STSv1; id=lead",
    "v=STSv1",
    "",
].map { Array($0.utf8) }

private let tlsrptSeeds: [[UInt8]] = [
    "v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
    "v=TLSRPTv1;rua=https://reporting.example.com/v1/tlsrpt",
    "v=TLSRPTv1 ; rua=mailto:a@example.com,https://r.example.net/x;",
    "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com; x=1",
    "v=TLSRPTv1; rua=mailto:a%2Cb@example.com\u{0}v=TLSRPTv1; rua=mailto:c@example.com",
    "v=TLSRPTv1;\u{1} rua=mailto:split@example.com",
    "v=TLSRPTv1; rua=",
].map { Array($0.utf8) }

@Suite("Fuzz: TXT record parsers")
struct RecordFuzzTests {
    @Test("STSRecordParser: mutated RRsets give a result with bounded findings", .timeLimit(.minutes(1)))
    func stsRecords() {
        let seed: UInt64 = 0x4655_5A5A_5354_5301
        var mutator = FuzzMutator(seed: seed, seeds: stsSeeds, dictionary: recordDictionary)
        var valid = 0
        runFuzz("STSRecordParser", seed: seed, iterations: 4_000, mutator: &mutator) { bytes in
            let records = rrset(bytes)
            let result = STSRecordParser.parse(rrset: records)
            if result.isValid { valid += 1 }
            if let problem = findingsBounded(result.findings, inputBytes: bytes.count) { return problem }
            if result.isValid, let record = result.value {
                guard STSRecordParser.isValidID(record.id) else { return "accepted an invalid id \(record.id.debugDescription)" }
                guard record.id.utf8.count <= 32 else { return "accepted a \(record.id.utf8.count)-byte id" }
            }
            let single = STSRecordParser.parseRecord(records.first?.text ?? "")
            return findingsBounded(single.findings, inputBytes: bytes.count)
        }
        // The mutator keeps some records valid and breaks others: both paths are exercised.
        #expect(valid > 200 && valid < 3_800, "\(valid) of 4,000 inputs valid")
    }

    @Test("TLSRPTRecordParser: mutated RRsets give a result with bounded findings", .timeLimit(.minutes(1)))
    func tlsrptRecords() {
        let seed: UInt64 = 0x4655_5A5A_5450_5201
        var mutator = FuzzMutator(seed: seed, seeds: tlsrptSeeds, dictionary: recordDictionary)
        var valid = 0
        runFuzz("TLSRPTRecordParser", seed: seed, iterations: 4_000, mutator: &mutator) { bytes in
            let records = rrset(bytes)
            let result = TLSRPTRecordParser.parse(rrset: records)
            if result.isValid { valid += 1 }
            if let problem = findingsBounded(result.findings, inputBytes: bytes.count) { return problem }
            if result.isValid, let record = result.value, record.rua.isEmpty {
                return "a valid record without any rua URI"
            }
            let single = TLSRPTRecordParser.parseRecord(records.first?.text ?? "")
            return findingsBounded(single.findings, inputBytes: bytes.count)
        }
        #expect(valid > 200 && valid < 3_800, "\(valid) of 4,000 inputs valid")
    }

    @Test("TXTPresentationFormat: mutated zone-file text parses or throws ParseError", .timeLimit(.minutes(1)))
    func presentationFormat() {
        let seed: UInt64 = 0x4655_5A5A_5458_5401
        let seeds: [[UInt8]] = [
            #""v=STSv1; id=20250614T000000;""#,
            #""v=TLSRPTv1; " "rua=mailto:tlsrpt@example.com""#,
            #""a\"b" "c\\d" "\065\066\255""#,
            "\t\"x\"\t\"y\"  ",
            "v=STSv1; id=bare",
            #""unterminated"#,
            #""\1""#,
        ].map { Array($0.utf8) }
        let dictionary = ["\"", "\\", "\\\"", "\\\\", "\\0", "\\999", "\\256", "\\255", "\\12", " ", "\t", "\"\""]
            .map { Array($0.utf8) }
        var mutator = FuzzMutator(seed: seed, seeds: seeds, dictionary: dictionary)
        var parsed = 0
        runFuzz("TXTPresentationFormat", seed: seed, iterations: 15_000, mutator: &mutator) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let record: TXTRecord
            do {
                record = try TXTPresentationFormat.parse(text)
            } catch {
                return nil // a typed ParseError is a fine outcome
            }
            parsed += 1
            // Unescaping never makes text longer (a \DDD escape of a non-UTF-8 byte becomes
            // U+FFFD: 3 bytes from 4).
            let produced = record.strings.reduce(0) { $0 + $1.utf8.count }
            if produced > text.utf8.count { return "\(produced) bytes of strings from \(text.utf8.count) bytes of text" }
            if record.strings.count > text.utf8.count + 1 { return "\(record.strings.count) strings from \(text.utf8.count) bytes" }
            return nil
        }
        #expect(parsed > 750 && parsed < 14_250, "\(parsed) of 15,000 inputs parsed")
    }
}
