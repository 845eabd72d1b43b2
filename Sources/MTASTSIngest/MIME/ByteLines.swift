/// Line handling on raw message bytes. Mail uses CRLF (RFC 5322 §2.1); files on disk and
/// mailboxes often hold bare LF, so both are accepted everywhere.
enum ByteLines {
    /// Calls `body` with each line's range: `content` excludes the line break, `full` includes
    /// it. The last line may have no break.
    static func forEach(
        in bytes: ArraySlice<UInt8>, _ body: (_ content: Range<Int>, _ full: Range<Int>) throws -> Bool
    ) rethrows {
        var start = bytes.startIndex
        let end = bytes.endIndex
        while start < end {
            var index = start
            while index < end, bytes[index] != 0x0A { index += 1 }
            let fullEnd = index < end ? index + 1 : end
            var contentEnd = index
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            guard try body(start..<contentEnd, start..<fullEnd) else { return }
            start = fullEnd
        }
    }

    /// True when `bytes[range]` starts with `prefix`.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, _ range: Range<Int>, _ prefix: [UInt8]) -> Bool {
        guard range.count >= prefix.count else { return false }
        var index = range.lowerBound
        for byte in prefix {
            if bytes[index] != byte { return false }
            index += 1
        }
        return true
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>, _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Text of a header line: UTF-8 (RFC 6532), invalid bytes replaced.
    static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
