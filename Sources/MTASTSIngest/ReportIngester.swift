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
    /// one item with ``IngestError/unreadable(_:)``.
    public mutating func ingest(path: String, each: (IngestItem) throws -> Void) rethrows {
        let kind: InputKind
        do {
            kind = try InputKind.of(path: path)
        } catch {
            try deliver(IngestItem(source: path, outcome: .failure(error)), each)
            return
        }
        switch kind {
        case .single:
            try ingestFile(path, source: path, each: each)
        case .maildir:
            let files: [String]
            do {
                files = try MaildirReader.messages(in: path)
            } catch {
                try deliver(IngestItem(source: path, outcome: .failure(error)), each)
                return
            }
            for file in files { try ingestFile(file, source: file, each: each) }
        case .mbox:
            try ingestMbox(path, each: each)
        }
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

    /// Ingests one message from standard input, read up to the message cap.
    public mutating func ingestStandardInput(source: String = "stdin", each: (IngestItem) throws -> Void) rethrows {
        let bytes: [UInt8]
        do {
            bytes = try Self.readCapped(FileHandle.standardInput, limit: limits.messageBytes)
        } catch {
            try deliver(IngestItem(source: source, outcome: .failure(error)), each)
            return
        }
        try ingest(bytes: bytes, source: source, each: each)
    }

    /// All items of `paths`, for callers that want them in memory (tests, small inputs).
    public mutating func ingestAll(paths: [String]) -> [IngestItem] {
        var items: [IngestItem] = []
        for path in paths { ingest(path: path) { items.append($0) } }
        return items
    }

    private mutating func ingestFile(_ path: String, source: String, each: (IngestItem) throws -> Void) rethrows {
        let bytes: [UInt8]
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw IngestError.unreadable("\(path): permission denied or unreadable")
            }
            defer { try? handle.close() }
            bytes = try Self.readCapped(handle, limit: limits.messageBytes)
        } catch let error as IngestError {
            try deliver(IngestItem(source: source, outcome: .failure(error)), each)
            return
        } catch {
            try deliver(IngestItem(source: source, outcome: .failure(.unreadable("\(path): \(error)"))), each)
            return
        }
        try ingest(bytes: bytes, source: source, filename: path, each: each)
    }

    private mutating func ingestMbox(_ path: String, each: (IngestItem) throws -> Void) rethrows {
        let reader: MboxReader
        do {
            reader = try MboxReader(path: path, limits: limits)
        } catch {
            try deliver(IngestItem(source: path, outcome: .failure(error)), each)
            return
        }
        while true {
            let next: (number: Int, message: MboxSplitter.Message)?
            do {
                next = try reader.next()
            } catch {
                try deliver(IngestItem(source: path, outcome: .failure(error)), each)
                return
            }
            guard let (number, message) = next else { return }
            let source = "\(path)#\(number)"
            switch message {
            case .complete(let bytes):
                try ingest(bytes: bytes, source: source, each: each)
            case .tooLarge:
                try deliver(IngestItem(source: source, outcome: .failure(.messageTooLarge(limit: limits.messageBytes))), each)
            }
        }
    }

    private mutating func deliver(_ item: IngestItem, _ each: (IngestItem) throws -> Void) rethrows {
        summary.count(item)
        try each(item)
    }
}

/// Reading with a cap, shared by files and standard input.
extension ReportIngester {
    static func readCapped(_ handle: FileHandle, limit: Int) throws(IngestError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1024 * 1024)
            } catch {
                throw .unreadable(error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            guard bytes.count + chunk.count <= limit else { throw .messageTooLarge(limit: limit) }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}
