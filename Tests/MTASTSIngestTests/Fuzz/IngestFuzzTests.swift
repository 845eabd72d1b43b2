import Foundation
import Testing
@testable import MTASTSCore
@testable import MTASTSIngest

/// Seeds for the mail-shaped parsers: the example report mail and messages built the way
/// senders package reports, plus odd MIME structures.
private enum MailSeeds {
    static var all: [[UInt8]] {
        FuzzSeeds.files("reports", suffix: ".eml") + [
            Samples.reportMail(),
            Samples.message(parts: [Samples.textPart, (
                headers: "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: quoted-printable",
                body: "{\"organization-name\":=\r\n\"Org\",=3D=3d=ZZ=\r\n}")]),
            Samples.message(multipartType: "multipart/mixed", boundary: "outer", parts: [(
                headers: "Content-Type: multipart/alternative; boundary=inner",
                body: "--inner\r\nContent-Type: text/plain\r\n\r\nhi\r\n--inner\r\nContent-Type: application/gzip; name*0=\"r.js\"; name*1=\"on.gz\"\r\nContent-Transfer-Encoding: base64\r\n\r\nH4sIAAAAAAAAA6uuBQBDv6ajAgAAAA==\r\n--inner--")]),
            Array("Subject: =?utf-8?B?w6k=?=\r\nContent-Type: application/tlsrpt+json; charset*=utf-8''%C3%A9\r\n\r\n{}".utf8),
            Array("Content-Type: multipart/report; boundary=\"\"\r\n\r\n--\r\n--".utf8),
            Array("X: a\n folded\n\tagain\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\n--b\n\n--b--\n".utf8),
        ]
    }

    static let dictionary: [[UInt8]] = [
        "\r\n", "\n", "\r\n\r\n", "--", "--b0undary", "--b0undary--", "--inner", "--outer--", "Content-Type: ",
        "multipart/mixed; boundary=", "multipart/report; report-type=\"tlsrpt\"; boundary=\"b0undary\"",
        "application/tlsrpt+gzip", "application/tlsrpt+json", "application/gzip", "text/plain",
        "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable", "=\r\n", "=3D", "=",
        ";", "\"", "*0*=", "*1=", "''", "%", "%ZZ", "=?utf-8?Q?", "?=", ":", " ", "\t", "boundary=",
        "Content-Disposition: attachment; filename=", "TLS-Report-Domain: ", "TLS-Report-Submitter: ",
        "H4sI", "From ", ">From ", "\u{0}",
    ].map { Array($0.utf8) }
}

@Suite("Fuzz: ingest parsers")
struct IngestFuzzTests {
    @Test("MIME: mutated mails parse or fail with an IngestError, parts inside the input", .timeLimit(.minutes(1)))
    func mime() {
        let seed: UInt64 = 0x4655_5A5A_4D49_4D01
        var mutator = FuzzMutator(seed: seed, seeds: MailSeeds.all, dictionary: MailSeeds.dictionary, maxLength: 8192)
        let limits = MIMEEntity.Limits(maxDepth: 8, maxParts: 200)
        var extracted = 0
        runFuzz("MIMEEntity", seed: seed, iterations: 6_000, mutator: &mutator) { bytes in
            let root: MIMEEntity
            switch MIMEEntity.parse(bytes[...], limits: limits) {
            case .failure: return nil
            case .success(let entity): root = entity
            }
            let leaves = root.leaves
            if leaves.count > limits.maxParts { return "\(leaves.count) leaves past the cap of \(limits.maxParts)" }
            for leaf in leaves {
                if leaf.body.count > bytes.count { return "a \(leaf.body.count)-byte body from \(bytes.count) bytes" }
                // base64 and quoted-printable decoding never grow the body.
                let decoded = leaf.decodedBody
                if decoded.count > leaf.body.count { return "\(leaf.transferEncoding) decoded \(leaf.body.count) bytes to \(decoded.count)" }
                if leaf.headers.fields.count > bytes.count { return "\(leaf.headers.fields.count) header fields" }
                _ = leaf.filename
            }
            switch MessageReportExtractor.extract(bytes, limits: limits) {
            case .failure: return nil
            case .success(let payload):
                extracted += 1
                if payload.bytes.count > bytes.count { return "a \(payload.bytes.count)-byte payload from \(bytes.count) bytes" }
                return findingsBounded(payload.findings, inputBytes: bytes.count)
            }
        }
        #expect(extracted > 250 && extracted < 5_750, "\(extracted) of 6,000 mails gave a report part")
    }

    @Test("MIME header values: mutated Content-Type values parse with parameters bounded", .timeLimit(.minutes(1)))
    func headerValues() {
        let seed: UInt64 = 0x4655_5A5A_4844_5201
        let seeds: [[UInt8]] = [
            #"multipart/report; report-type="tlsrpt"; boundary="----=_Part_1""#,
            #"application/tlsrpt+gzip; name*0*=utf-8''r%C3%A9; name*1="port.json.gz""#,
            #"text/plain; charset=us-ascii (comment); format=flowed"#,
            #"attachment; filename="a\"b.json"; size=12"#,
        ].map { Array($0.utf8) }
        var mutator = FuzzMutator(seed: seed, seeds: seeds, dictionary: MailSeeds.dictionary, maxLength: 2048)
        runFuzz("MIMEHeaderValue", seed: seed, iterations: 10_000, mutator: &mutator) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let value = MIMEHeaderValue(parsing: text)
            if value.parameters.count > text.utf8.count { return "\(value.parameters.count) parameters from \(text.utf8.count) bytes" }
            // Percent-decoding and joining continuations never grow the text much (a non-UTF-8 byte
            // becomes U+FFFD: 3 bytes from `%XX`).
            let produced = value.value.utf8.count + value.parameters.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
            if produced > 3 * text.utf8.count + 16 { return "\(produced) bytes from \(text.utf8.count)" }
            return nil
        }
    }

    @Test("MboxSplitter: mutated mailboxes split the same in any chunking, bounded by the input", .timeLimit(.minutes(1)))
    func mbox() {
        let seed: UInt64 = 0x4655_5A5A_4D42_5801
        let seeds: [[UInt8]] = [
            Array(MboxTests.mailbox.utf8),
            Array("From a@b Sat Jun 14 06:00:00 2025\r\nSubject: x\r\n\r\n>From y\r\n>>>From z\r\nFrom \r\n".utf8),
            Array("preamble text\n\nFrom x\nFrom y\n\nFrom z".utf8),
            Array("From ".utf8), Array(">".utf8), Array("F".utf8), [],
        ] + MailSeeds.all.prefix(2).map { Array("From sender@example Sat Jun 14 06:00:00 2025\n".utf8) + $0 }
        var mutator = FuzzMutator(seed: seed, seeds: seeds, dictionary: MailSeeds.dictionary, maxLength: 8192)
        var chunking = SplitMix64(seed: seed ^ 0xFFFF)
        var several = 0
        runFuzz("MboxSplitter", seed: seed, iterations: 6_000, mutator: &mutator) { bytes in
            let limit = 600
            let whole = Self.split(bytes, limit: limit, chunks: [bytes.count])
            var chunks: [Int] = []
            var left = bytes.count
            while left > 0 {
                let size = min(left, Int.random(in: 1...(Bool.random(using: &chunking) ? 7 : 300), using: &chunking))
                chunks.append(size)
                left -= size
            }
            let pieces = Self.split(bytes, limit: limit, chunks: chunks)
            if whole.count > 1 { several += 1 }
            if whole != pieces { return "chunks \(chunks.prefix(20)) split differently from one feed" }
            var kept = 0
            for (index, message) in whole.enumerated() {
                if message.number != index + 1 { return "message \(index + 1) numbered \(message.number)" }
                switch message.size {
                case .complete(let count):
                    if count > limit { return "a \(count)-byte message kept past the \(limit)-byte cap" }
                    kept += count
                case .tooLarge(let count):
                    if count <= limit { return "a \(count)-byte message called too large" }
                }
            }
            if kept > bytes.count { return "\(kept) bytes of messages from \(bytes.count) bytes" }
            if whole.count > bytes.count / 5 + 1 { return "\(whole.count) messages from \(bytes.count) bytes" }
            return nil
        }
        #expect(several > 250, "\(several) of 6,000 mailboxes held several messages")
    }

    struct SplitMessage: Equatable {
        enum Size: Equatable { case complete(Int), tooLarge(Int) }
        var number: Int
        var size: Size
        var bytes: [UInt8]
    }

    static func split(_ bytes: [UInt8], limit: Int, chunks: [Int]) -> [SplitMessage] {
        var splitter = MboxSplitter(limit: limit)
        var messages: [SplitMessage] = []
        let emit: (Int, MboxSplitter.Message) -> Void = { number, message in
            switch message {
            case .complete(let body): messages.append(SplitMessage(number: number, size: .complete(body.count), bytes: body))
            case .tooLarge(let size): messages.append(SplitMessage(number: number, size: .tooLarge(size), bytes: []))
            }
        }
        var offset = 0
        bytes.withUnsafeBufferPointer { buffer in
            for size in chunks {
                splitter.feed(UnsafeBufferPointer(rebasing: buffer[offset..<offset + size]), emit: emit)
                offset += size
            }
        }
        splitter.finish(emit: emit)
        return messages
    }

    @Test("GzipInflater: mutated gzip data inflates under the cap or fails with an IngestError", .timeLimit(.minutes(1)))
    func gzip() throws {
        let seed: UInt64 = 0x4655_5A5A_475A_5001
        let json = Samples.json()
        let seeds: [[UInt8]] = FuzzSeeds.files("reports", suffix: ".gz") + [
            Samples.gzip(json),
            Samples.gzip([]),
            Samples.gzip(json) + Samples.gzip(Array("second member".utf8)),
            Samples.gzip(Array(repeating: 0x41, count: 20_000)), // a small bomb: 20 KB from a few dozen bytes
            try GzipDeflater.compress(Array(repeating: 0, count: 3000), level: 0),
        ]
        #expect(seeds.count >= 6, "the Examples/reports .gz seed is found")
        var mutator = FuzzMutator(seed: seed, seeds: seeds, dictionary: [GzipInflater.magic, [0x08, 0x00], [0x08, 0x1F]], maxLength: 8192)
        let limit = 4096
        var inflated = 0
        runFuzz("GzipInflater", seed: seed, iterations: 5_000, mutator: &mutator) { bytes in
            switch GzipInflater.inflate(bytes, limit: limit, maxMembers: 4, window: 1024) {
            case .success(let output):
                inflated += 1
                if output.count > limit { return "\(output.count) bytes inflated past the \(limit)-byte cap" }
            case .failure(let error):
                switch error {
                case .decompressedTooLarge, .truncatedGzip, .corruptGzip, .tooManyGzipMembers: break
                default: return "unexpected error kind \(error.kind)"
                }
            }
            return nil
        }
        #expect(inflated > 0, "some mutations still inflate")
    }

    @Test("GzipInflater: what GzipDeflater compresses inflates back", .timeLimit(.minutes(1)))
    func gzipRoundTrip() throws {
        var random = SplitMix64(seed: 0x4655_5A5A_475A_5002)
        for round in 0..<200 {
            let count = Int.random(in: 0...5000, using: &random)
            let alphabet = UInt8.random(in: 1...255, using: &random)
            let input = (0..<count).map { _ in UInt8.random(in: 0...alphabet, using: &random) }
            let members = Int.random(in: 1...3, using: &random)
            let compressed = try (0..<members).flatMap { _ in try GzipDeflater.compress(input) }
            let expected = Array(repeatElement(input, count: members).joined())
            guard case .success(let output) = GzipInflater.inflate(compressed, limit: 16_000, maxMembers: 4, window: 512),
                  output == expected else {
                Issue.record("round \(round): \(count) bytes × \(members) members did not inflate back")
                return
            }
        }
    }

    @Test("ReportDecoder: mutated reports in any packaging decode or fail with an IngestError", .timeLimit(.minutes(1)))
    func decoder() {
        let seed: UInt64 = 0x4655_5A5A_4445_4301
        let seeds = MailSeeds.all + FuzzSeeds.files("reports") + [Samples.json(), Samples.gzip(Samples.json())]
        var mutator = FuzzMutator(seed: seed, seeds: seeds, dictionary: MailSeeds.dictionary, maxLength: 8192)
        let limits = IngestLimits(messageBytes: 64 * 1024, decompressedBytes: 64 * 1024)
        var decoded = 0
        runFuzz("ReportDecoder", seed: seed, iterations: 5_000, mutator: &mutator) { bytes in
            guard case .success(let parsed) = ReportDecoder.decode(bytes, limits: limits, filename: "r.json.gz").result else { return nil }
            decoded += 1
            return findingsBounded(parsed.findings, inputBytes: max(bytes.count, parsed.raw.count))
        }
        #expect(decoded > 150, "\(decoded) of 5,000 inputs decoded to a report")
    }
}
