import Foundation
import MTASTSCore

/// Reads TLS-RPT reports from what operators have: report files (`.json`, `.json.gz`),
/// single messages (`.eml`), mailboxes (mbox, RFC 4155), maildirs, and one message on standard
/// input (an MDA or sieve pipe). Each file or message becomes one ``IngestItem``: a report, a
/// duplicate of one seen earlier in this run, or an error; a bad item never stops the others.
///
/// Memory stays bounded: mailboxes are streamed, every message and decompressed report is
/// capped (``IngestLimits``), and items are handed to the caller one at a time.
public struct ReportIngester {
    public var limits: IngestLimits
    public private(set) var summary = IngestSummary()
    private var deduplicator = ReportDeduplicator()

    public init(limits: IngestLimits = IngestLimits()) {
        self.limits = limits
    }

    /// Ingests a file, mailbox or maildir at `path`. A path that cannot be read at all gives
    /// one item with ``IngestError/unreadable(_:)``. A path the name does not classify (a pipe
    /// such as `/dev/fd/63`, a file without extension) is opened once and its first bytes
    /// peeked, so a pipe is read whole.
    public mutating func ingest(path: String, each: (IngestItem) throws -> Void) rethrows {
        let kind: InputKind?
        do {
            kind = try InputKind.of(path: path)
        } catch {
            try deliver(IngestItem(source: path, outcome: .failure(error)), each)
            return
        }
        switch kind {
        case .maildir?:
            try ingestMaildir(path, each: each)
        case .single?, .mbox?, nil:
            let input: PeekableInput
            do {
                input = try PeekableInput(path: path)
            } catch {
                try deliver(IngestItem(source: path, outcome: .failure(error)), each)
                return
            }
            try ingest(input, kind: kind, source: path, filename: path, each: each)
        }
    }

    /// Ingests standard input: one message, report or gzip file, or an mbox (it starts with a
    /// From_ line, RFC 4155), each of whose messages is an item (`stdin#1`, `stdin#2`, …), so
    /// a mailbox piped in is never read as its first message alone. One message after a From_
    /// line (as an MDA pipes it) is the item `stdin`.
    public mutating func ingestStandardInput(source: String = "stdin", each: (IngestItem) throws -> Void) rethrows {
        try ingest(handle: FileHandle.standardInput, source: source, each: each)
    }

    /// Ingests what `handle` reads (a pipe, a socket, standard input) as
    /// ``ingestStandardInput(source:each:)`` does; the handle is left open.
    public mutating func ingest(handle: FileHandle, source: String, each: (IngestItem) throws -> Void) rethrows {
        try ingest(PeekableInput(handle: handle, closes: false), kind: nil, source: source, each: each)
    }

    /// Ingests one item given as bytes (a message, a JSON report or gzip data); `filename` is
    /// the name of the file the bytes came from, if any (a `.json.gz` name that holds plain
    /// JSON is noted).
    public mutating func ingest(bytes: [UInt8], source: String, filename: String? = nil, each: (IngestItem) throws -> Void) rethrows {
        guard bytes.count <= limits.messageBytes else {
            try deliver(IngestItem(source: source, outcome: .failure(.messageTooLarge(limit: limits.messageBytes))), each)
            return
        }
        let decoded = ReportDecoder.decode(bytes, limits: limits, filename: filename)
        let outcome: IngestItem.Outcome
        switch decoded.result {
        case .success(let parsed):
            if let first = deduplicator.check(parsed.report.key, source: source) {
                outcome = .duplicate(parsed, firstSource: first)
            } else {
                outcome = .report(parsed)
            }
        case .failure(let error):
            outcome = .failure(error)
        }
        try deliver(IngestItem(source: source, outcome: outcome, message: decoded.message), each)
    }

    /// All items of `paths`, for callers that want them in memory (tests, small inputs).
    public mutating func ingestAll(paths: [String]) -> [IngestItem] {
        var items: [IngestItem] = []
        for path in paths { ingest(path: path) { items.append($0) } }
        return items
    }

    /// One input whose kind is `kind`, or decided by its first bytes when `nil`.
    private mutating func ingest(
        _ input: PeekableInput, kind: InputKind?, source: String, filename: String? = nil, each: (IngestItem) throws -> Void
    ) rethrows {
        var kind = kind
        if kind == nil {
            do {
                kind = InputKind.of(start: try input.peek(InputKind.sniffBytes))
            } catch {
                try deliver(IngestItem(source: source, outcome: .failure(error)), each)
                return
            }
        }
        if kind == .mbox {
            try ingestMbox(MboxReader(input: input, limits: limits), source: source, loneKeepsName: filename == nil, each: each)
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try input.readAll(limit: limits.messageBytes)
        } catch {
            try deliver(IngestItem(source: source, outcome: .failure(error)), each)
            return
        }
        try ingest(bytes: bytes, source: source, filename: filename, each: each)
    }

    /// The messages of a maildir; an entry that is not a regular file (a FIFO would block for
    /// ever) is named as an item with ``IngestError/notAFile(_:)`` and not opened.
    private mutating func ingestMaildir(_ path: String, each: (IngestItem) throws -> Void) rethrows {
        let entries: [MaildirReader.Entry]
        do {
            entries = try MaildirReader.entries(in: path)
        } catch {
            try deliver(IngestItem(source: path, outcome: .failure(error)), each)
            return
        }
        for entry in entries {
            switch entry {
            case .message(let file):
                let input: PeekableInput
                do {
                    input = try PeekableInput(path: file)
                } catch {
                    try deliver(IngestItem(source: file, outcome: .failure(error)), each)
                    continue
                }
                try ingest(input, kind: .single, source: file, filename: file, each: each)
            case .notAFile(let file, let kind):
                try deliver(IngestItem(source: file, outcome: .failure(.notAFile(kind))), each)
            }
        }
    }

    /// The messages of an mbox as items `source#1`, `source#2`, …; with `loneKeepsName`, a
    /// mailbox of one message (what an MDA that prepends a From_ line pipes in) is named
    /// `source` alone, so the first message waits until the second one (or the end) is seen.
    private mutating func ingestMbox(
        _ reader: MboxReader, source path: String, loneKeepsName: Bool = false, each: (IngestItem) throws -> Void
    ) rethrows {
        var first: MboxSplitter.Message?
        var count = 0
        while true {
            let next: (number: Int, message: MboxSplitter.Message)?
            do {
                next = try reader.next()
            } catch {
                if let held = first { try ingestMessage(held, source: "\(path)#1", each: each) }
                try deliver(IngestItem(source: path, outcome: .failure(error)), each)
                return
            }
            guard let (number, message) = next else { break }
            count += 1
            if loneKeepsName, number == 1 {
                first = message
                continue
            }
            if let held = first {
                try ingestMessage(held, source: "\(path)#1", each: each)
                first = nil
            }
            try ingestMessage(message, source: "\(path)#\(number)", each: each)
        }
        if let held = first { try ingestMessage(held, source: count == 1 ? path : "\(path)#1", each: each) }
    }

    private mutating func ingestMessage(_ message: MboxSplitter.Message, source: String, each: (IngestItem) throws -> Void) rethrows {
        switch message {
        case .complete(let bytes):
            try ingest(bytes: bytes, source: source, each: each)
        case .tooLarge:
            try deliver(IngestItem(source: source, outcome: .failure(.messageTooLarge(limit: limits.messageBytes))), each)
        }
    }

    private mutating func deliver(_ item: IngestItem, _ each: (IngestItem) throws -> Void) rethrows {
        summary.count(item)
        try each(item)
    }
}
