import Foundation

/// Reads an mbox file (RFC 4155) in chunks and hands out its messages one at a time, so
/// memory holds one chunk, the messages it completed and one message in progress.
public final class MboxReader {
    private let handle: FileHandle
    private let chunkBytes: Int
    private var splitter: MboxSplitter
    private var ready: [(Int, MboxSplitter.Message)] = []
    private var readyIndex = 0
    private var finished = false

    public init(path: String, limits: IngestLimits) throws(IngestError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable("\(path): permission denied or unreadable")
        }
        self.handle = handle
        chunkBytes = limits.readChunkBytes
        splitter = MboxSplitter(limit: limits.messageBytes)
    }

    deinit { try? handle.close() }

    /// The next message and its number (from 1), or `nil` at the end of the file.
    public func next() throws(IngestError) -> (number: Int, message: MboxSplitter.Message)? {
        while readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            guard !finished else { return nil }
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: chunkBytes)
            } catch {
                throw .unreadable("read failed: \(error.localizedDescription)")
            }
            if let chunk, !chunk.isEmpty {
                chunk.withUnsafeBytes { raw in
                    splitter.feed(raw.bindMemory(to: UInt8.self)) { ready.append(($0, $1)) }
                }
            } else {
                finished = true
                splitter.finish { ready.append(($0, $1)) }
            }
        }
        defer { readyIndex += 1 }
        let item = ready[readyIndex]
        ready[readyIndex] = (item.0, .tooLarge(bytes: 0))  // release the bytes early
        return (item.0, item.1)
    }
}
