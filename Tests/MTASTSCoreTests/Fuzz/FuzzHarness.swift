import Foundation
import Testing
@testable import MTASTSCore

// A small corpus-driven fuzzer that runs inside `swift test` (issue 11: "a fuzzing harness
// that stays"). Each suite takes seeds (files under `Examples/` and hand-written inputs),
// mutates them with a fixed-seed `SplitMix64` and checks that the parser returns a value or a
// typed error, never traps, never hangs, and keeps its output bounded by its input.
//
// Reproducing a failure: the recorded issue names the suite, the RNG seed, the iteration and
// the input (base64). A trap kills the test process before an issue can be recorded; rerun the
// suite with `MTASTS_FUZZ_TRACE=1` to print every input (base64, to stderr) before it is parsed: the last
// line printed is the culprit. Keep it as a regression test beside the suite.
//
// `Tests/MTASTSIngestTests/Fuzz/FuzzHarness.swift` is a symbolic link to this file: test
// targets cannot share code without a support target, and one copy cannot drift.

/// Mutates seed inputs the way coverage-less fuzzers do: bit flips, interesting bytes, insert,
/// delete, truncate, repeat a chunk, splice two seeds, dictionary tokens, huge numbers and deep
/// nesting.
struct FuzzMutator {
    var random: SplitMix64
    let seeds: [[UInt8]]
    /// Tokens the parser cares about (field names, separators, keywords), inserted or
    /// overwritten at random places.
    let dictionary: [[UInt8]]
    /// Inputs never grow past this many bytes.
    let maxLength: Int

    init(seed: UInt64, seeds: [[UInt8]], dictionary: [[UInt8]] = [], maxLength: Int = 4096) {
        precondition(!seeds.isEmpty, "a fuzzer needs at least one seed")
        self.random = SplitMix64(seed: seed)
        self.seeds = seeds
        self.dictionary = dictionary
        self.maxLength = maxLength
    }

    static let interesting: [UInt8] = [
        0x00, 0x01, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x2C, 0x2D, 0x30, 0x39, 0x3A, 0x3B, 0x3D, 0x3E,
        0x46, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xEF, 0xF0, 0xFE, 0xFF,
    ]
    static let hugeNumbers: [String] = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551616",
        "99999999999999999999999999999999", "1e308", "1e309", "-1", "-0", "0.5", "1E+400", "NaN",
        "00000000000000000000001", "4294967296", "2147483648",
    ]

    /// The next input: a seed with one to six mutations (sometimes the seed itself).
    mutating func next() -> [UInt8] {
        var bytes = pick(seeds)
        if Int.random(in: 0..<50, using: &random) == 0 { return bytes }
        for _ in 0..<Int.random(in: 1...6, using: &random) { mutate(&bytes) }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<12, using: &random) {
        case 0 where !bytes.isEmpty: // bit flip
            bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
        case 1 where !bytes.isEmpty: // interesting or random byte
            bytes[position] = Bool.random(using: &random)
                ? UInt8.random(in: 0...255, using: &random) : pick(Self.interesting)
        case 2: // insert random bytes
            let count = Int.random(in: 1...8, using: &random)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }, at: position)
        case 3 where !bytes.isEmpty: // delete a range
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
            bytes.removeSubrange(position..<end)
        case 4: // truncate
            bytes.removeLast(bytes.count - position)
        case 5 where !bytes.isEmpty: // repeat a chunk, sometimes many times
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
            let chunk = bytes[position..<end]
            let times = Bool.random(using: &random) ? Int.random(in: 1...4, using: &random) : Int.random(in: 10...200, using: &random)
            let repeated = Array(repeatElement(chunk, count: times).joined())
            bytes.insert(contentsOf: repeated, at: min(end, bytes.count))
        case 6: // splice: head of this input, tail of another seed
            let other = pick(seeds)
            let cut = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &random)
            bytes = Array(bytes[..<position]) + other[cut...]
        case 7 where !dictionary.isEmpty: // insert a token
            bytes.insert(contentsOf: pick(dictionary), at: position)
        case 8 where !dictionary.isEmpty && !bytes.isEmpty: // overwrite with a token
            let token = pick(dictionary)
            let end = min(bytes.count, position + token.count)
            bytes.replaceSubrange(position..<end, with: token)
        case 9: // a digit run becomes a huge or odd number
            replaceNumber(&bytes, from: position)
        case 10: // deep nesting
            let pairs: [(String, String)] = [("[", "]"), ("{\"a\":", "}"), ("(", ")"), ("\"", "\"")]
            let (open, close) = pick(pairs)
            let depth = Int.random(in: 1...300, using: &random)
            bytes.insert(contentsOf: Array(String(repeating: close, count: depth).utf8), at: position)
            bytes.insert(contentsOf: Array(String(repeating: open, count: depth).utf8), at: position)
        case 11: // line-ending games: CRLF, bare CR, LF, long line
            let choices: [[UInt8]] = [[0x0D, 0x0A], [0x0D], [0x0A], [0x0A, 0x0A], Array(repeating: 0x61, count: 2000)]
            bytes.insert(contentsOf: pick(choices), at: position)
        default:
            break
        }
    }

    mutating func replaceNumber(_ bytes: inout [UInt8], from position: Int) {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard let start = bytes[position...].firstIndex(where: isDigit) ?? bytes.firstIndex(where: isDigit) else {
            bytes.insert(contentsOf: Array(pick(Self.hugeNumbers).utf8), at: position)
            return
        }
        let end = bytes[start...].firstIndex { !isDigit($0) } ?? bytes.count
        bytes.replaceSubrange(start..<end, with: Array(pick(Self.hugeNumbers).utf8))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
}

/// Runs `iterations` inputs from `mutator` through `check`, which returns `nil` when the
/// outcome is fine or a description of the violated property. Records at most five issues,
/// each with what is needed to reproduce it.
func runFuzz(
    _ name: String, seed: UInt64, iterations: Int, mutator: inout FuzzMutator,
    sourceLocation: SourceLocation = #_sourceLocation, check: ([UInt8]) -> String?
) {
    let trace = ProcessInfo.processInfo.environment["MTASTS_FUZZ_TRACE"] != nil
    var failures = 0
    for seedInput in mutator.seeds {
        if let violation = check(seedInput) {
            Issue.record("fuzz \(name): a seed fails: \(violation); input (base64): \(Data(seedInput).base64EncodedString())", sourceLocation: sourceLocation)
            return
        }
    }
    for iteration in 0..<iterations {
        let input = mutator.next()
        if trace {
            // To stderr, unbuffered: the line must be out before a trap ends the process.
            let line = "fuzz \(name) seed 0x\(String(seed, radix: 16)) iteration \(iteration): \(Data(input).base64EncodedString())\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        guard let violation = check(input) else { continue }
        failures += 1
        Issue.record("""
            fuzz \(name) seed 0x\(String(seed, radix: 16)) iteration \(iteration): \(violation)
            input (base64): \(Data(input).base64EncodedString())
            """, sourceLocation: sourceLocation)
        if failures >= 5 { return }
    }
}

/// Seeds from the repository's `Examples/` directory.
enum FuzzSeeds {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    /// The files directly under `Examples/<folder>` whose names end in `suffix`.
    static func files(_ folder: String, suffix: String = "") -> [[UInt8]] {
        let directory = examples.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(suffix) }.compactMap { name in
            (try? Data(contentsOf: directory.appendingPathComponent(name))).map { Array($0) }
        }
    }
}

/// Properties every finding list must keep whatever the input: each text capped, and the
/// count linear in the input (one finding per input byte at most, plus a few about the whole).
func findingsBounded(_ findings: [Finding], inputBytes: Int) -> String? {
    if findings.count > inputBytes + 16 {
        return "\(findings.count) findings for \(inputBytes) input bytes"
    }
    // The excerpt marker ("… N more bytes") may follow the capped text.
    let slack = 32
    for finding in findings {
        if finding.evidence.utf8.count > Evidence.findingLimit + slack {
            return "finding \(finding.code.rawValue) has \(finding.evidence.utf8.count) bytes of evidence"
        }
        if finding.message.utf8.count > Evidence.lineLimit + slack || finding.subject.utf8.count > Evidence.lineLimit + slack {
            return "finding \(finding.code.rawValue) has a \(finding.message.utf8.count)-byte message or \(finding.subject.utf8.count)-byte subject"
        }
    }
    return nil
}
