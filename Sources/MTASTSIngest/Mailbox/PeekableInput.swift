import Foundation

/// A file, pipe or standard input read once from front to back, whose first bytes can be looked
/// at without being lost. A pipe (`<(zcat …)` is `/dev/fd/N`, an MDA's standard input) cannot
/// be reopened or rewound: sniffing its first bytes by reading them, then reading it again,
/// silently drops them. Here what ``peek(_:)`` read is kept and handed out first by
/// ``read(upToCount:)``.
public final class PeekableInput {
    private let handle: FileHandle
    private let closesHandle: Bool
    /// Bytes read from the handle and not yet handed out.
    private var buffered: [UInt8] = []
    private var atEnd = false

    /// Reads `handle`; it is closed with this object when `closes` (not for standard input).
    public init(handle: FileHandle, closes: Bool = true) {
        self.handle = handle
        closesHandle = closes
    }

    /// Opens `path` for reading.
    public convenience init(path: String) throws(IngestError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable("\(path): permission denied or unreadable")
        }
        self.init(handle: handle)
    }

    deinit { if closesHandle { try? handle.close() } }

    /// The first `count` bytes not yet read (fewer at the end of the input), left in place.
    public func peek(_ count: Int) throws(IngestError) -> [UInt8] {
        while buffered.count < count, !atEnd {
            let chunk = try readHandle(count - buffered.count)
            if chunk.isEmpty { atEnd = true } else { buffered += chunk }
        }
        return Array(buffered.prefix(count))
    }

    /// The next bytes, at most `count`; empty at the end of the input.
    public func read(upToCount count: Int) throws(IngestError) -> [UInt8] {
        if !buffered.isEmpty {
            let out = Array(buffered.prefix(count))
            buffered.removeFirst(out.count)
            return out
        }
        guard !atEnd else { return [] }
        let chunk = try readHandle(count)
        if chunk.isEmpty { atEnd = true }
        return chunk
    }

    /// Everything left, or ``IngestError/messageTooLarge(limit:)`` as soon as it passes `limit`
    /// (so an endless pipe costs `limit` bytes, not all memory).
    public func readAll(limit: Int, chunk: Int = 1024 * 1024) throws(IngestError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let next = try read(upToCount: chunk)
            if next.isEmpty { return bytes }
            guard bytes.count + next.count <= limit else { throw .messageTooLarge(limit: limit) }
            bytes += next
        }
    }

    private func readHandle(_ count: Int) throws(IngestError) -> [UInt8] {
        do {
            return try handle.read(upToCount: max(1, count)).map { [UInt8]($0) } ?? []
        } catch {
            throw .unreadable("read failed: \(error.localizedDescription)")
        }
    }
}
