import Foundation
import Testing
@testable import MTASTSIngest

/// mbox framing (RFC 4155): From_ lines, `>From ` quoting, streaming in chunks of any size.
@Suite("mbox")
struct MboxTests {
    /// Three messages; the second has a quoted From line and is followed by a broken one.
    static let mailbox = """
        From a@example Sat Jun 14 06:00:00 2025
        Subject: one

        body one
        >From the start
        >>From quoted twice
        From: not a separator (no space after From)

        From b@example Sat Jun 14 06:01:00 2025
        Subject: two

        body two

        From c@example Sat Jun 14 06:02:00 2025
        Subject: three

        body three
        """

    func split(_ text: String, chunk: Int, limit: Int = 1 << 20) -> [(Int, MboxSplitter.Message)] {
        var splitter = MboxSplitter(limit: limit)
        var out: [(Int, MboxSplitter.Message)] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            bytes[start..<end].withUnsafeBufferPointer { splitter.feed($0) { out.append(($0, $1)) } }
            start = end
        }
        splitter.finish { out.append(($0, $1)) }
        return out
    }

    func texts(_ messages: [(Int, MboxSplitter.Message)]) -> [String] {
        messages.map { _, message in
            if case .complete(let bytes) = message { return String(decoding: bytes, as: UTF8.self) }
            return "<too large>"
        }
    }

    @Test("three messages, unquoted, whatever the chunk size", arguments: [1, 2, 3, 5, 7, 64, 4096])
    func chunks(_ chunk: Int) {
        let messages = split(Self.mailbox, chunk: chunk)
        #expect(messages.map(\.0) == [1, 2, 3])
        #expect(texts(messages) == [
            "Subject: one\n\nbody one\nFrom the start\n>From quoted twice\nFrom: not a separator (no space after From)\n",
            "Subject: two\n\nbody two\n",
            "Subject: three\n\nbody three",
        ])
    }

    @Test("CRLF mailboxes: the separating empty line is dropped")
    func crlf() {
        let text = Self.mailbox.replacingOccurrences(of: "\n", with: "\r\n")
        let messages = texts(split(text, chunk: 3))
        #expect(messages[1] == "Subject: two\r\n\r\nbody two\r\n")
    }

    @Test("a message over the cap is reported, the next one still read")
    func tooLarge() {
        let big = "From x Sat Jun 14 06:00:00 2025\nSubject: big\n\n" + String(repeating: "0123456789\n", count: 1000)
            + "\nFrom y Sat Jun 14 06:00:00 2025\nSubject: small\n\nok\n"
        let messages = split(big, chunk: 100, limit: 5000)
        #expect(messages.count == 2)
        guard case .tooLarge(let bytes) = messages[0].1 else { Issue.record("not refused"); return }
        #expect(bytes > 5000)
        #expect(texts([messages[1]]) == ["Subject: small\n\nok\n"])
    }

    @Test("text before the first From_ line is a message unless blank")
    func preamble() {
        #expect(split("\n\n" + Self.mailbox, chunk: 10).count == 3)
        #expect(texts(split("Subject: stray\n\nx\n" + Self.mailbox, chunk: 10)).first == "Subject: stray\n\nx\n")
    }

    @Test("an empty file has no messages")
    func empty() {
        #expect(split("", chunk: 10).isEmpty)
    }
}
