/// Splits an mbox (RFC 4155) into messages as bytes arrive, so a mailbox of any size is read
/// with memory bounded by one message (capped) and one chunk.
///
/// RFC 4155 §2: each message starts with a line beginning `From ` (the "From_" line, not part
/// of the message) and is followed by an empty line. Lines of a message that began with
/// `From ` were written as `>From `; the mboxrd convention quotes every `>*From ` line with
/// one more `>`, so one `>` is removed from each such line here (RFC 4155 Appendix A).
/// Text before the first From_ line, if not blank, is read as a message of its own.
public struct MboxSplitter {
    /// One message, numbered from 1 in file order.
    public enum Message: Sendable {
        case complete([UInt8])
        /// Over the size cap: the bytes were dropped while reading, only the size is known.
        case tooLarge(bytes: Int)
    }

    private enum Mode {
        /// At the start of a line, collecting its first bytes until they say what it is.
        case lineStart
        /// Inside a line of the message.
        case inLine
        /// Inside a From_ line, which is dropped.
        case fromLine
    }

    private static let from: [UInt8] = Array("From ".utf8)

    public let limit: Int
    private var mode = Mode.lineStart
    private var head: [UInt8] = []
    private var current: [UInt8] = []
    private var size = 0
    private var index = 0
    private var seenFromLine = false

    /// - Parameter limit: the largest message kept; larger ones become ``Message/tooLarge(bytes:)``.
    public init(limit: Int) { self.limit = limit }

    /// Feeds the next bytes of the mailbox; `emit` receives each message completed by them.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (Int, Message) throws -> Void) rethrows {
        var i = 0
        let count = bytes.count
        while i < count {
            switch mode {
            case .inLine, .fromLine:
                var end = i
                while end < count, bytes[end] != 0x0A { end += 1 }
                let lineEnds = end < count
                if lineEnds { end += 1 }
                if mode == .inLine { append(UnsafeBufferPointer(rebasing: bytes[i..<end])) }
                i = end
                if lineEnds { mode = .lineStart }
            case .lineStart:
                let byte = bytes[i]
                if head.isEmpty, byte != 0x3E, byte != 0x46 {
                    // Neither `>` nor `F`: an ordinary line (the common case, decided at once).
                    mode = .inLine
                    continue
                }
                head.append(byte)
                i += 1
                try classifyHead(emit: emit)
            }
        }
    }

    /// Ends the mailbox: emits the last message.
    public mutating func finish(emit: (Int, Message) throws -> Void) rethrows {
        if !head.isEmpty {
            append(head)
            head = []
        }
        try emitCurrent(emit: emit)
    }

    /// Decides what the line collected in `head` is, once its first bytes allow it.
    private mutating func classifyHead(emit: (Int, Message) throws -> Void) rethrows {
        let quotes = head.prefix { $0 == 0x3E }.count
        let rest = head[quotes...]
        let lineEnded = head.last == 0x0A
        if rest.count >= Self.from.count, rest.starts(with: Self.from) {
            if quotes == 0 {
                try emitCurrent(emit: emit)
                seenFromLine = true
                mode = lineEnded ? .lineStart : .fromLine
            } else {
                append(head.dropFirst())
                mode = lineEnded ? .lineStart : .inLine
            }
            head = []
            return
        }
        let couldStillMatch = !lineEnded && Self.from.starts(with: rest) && head.count < 64
        if couldStillMatch { return }
        append(head)
        head = []
        mode = lineEnded ? .lineStart : .inLine
    }

    private mutating func append(_ bytes: some Collection<UInt8>) {
        size += bytes.count
        if size <= limit {
            current.append(contentsOf: bytes)
        } else if !current.isEmpty {
            current = []
        }
    }

    private mutating func emitCurrent(emit: (Int, Message) throws -> Void) rethrows {
        defer {
            current = []
            size = 0
        }
        // Text before the first From_ line is a message only if it is not blank.
        if !seenFromLine, current.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }), size <= limit {
            return
        }
        index += 1
        if size > limit {
            try emit(index, .tooLarge(bytes: size))
            return
        }
        // The empty line that separates messages is not part of the message.
        if current.count >= 4, current.suffix(4).elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) {
            current.removeLast(2)
        } else if current.count >= 2, current.suffix(2).elementsEqual([0x0A, 0x0A]) {
            current.removeLast()
        } else if current.count >= 3, current.suffix(3).elementsEqual([0x0A, 0x0D, 0x0A]) {
            current.removeLast(2)
        }
        try emit(index, .complete(current))
    }
}
