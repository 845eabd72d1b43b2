import Foundation

/// Reads an mbox (RFC 4155) in chunks and hands out its messages one at a time, so memory
/// holds one chunk, the messages it completed and one message in progress. The input may be a
/// file, a pipe or standard input (``PeekableInput``: bytes peeked to recognise the mbox are
/// read again here, not lost).
public final class MboxReader {
    private let input: PeekableInput
    private let chunkBytes: Int
    private var splitter: MboxSplitter
    private var ready: [(Int, MboxSplitter.Message)] = []
    private var readyIndex = 0
    private var finished = false

    public convenience init(path: String, limits: IngestLimits) throws(IngestError) {
        self.init(input: try PeekableInput(path: path), limits: limits)
    }

    public init(input: PeekableInput, limits: IngestLimits) {
        self.input = input
        chunkBytes = limits.readChunkBytes
        splitter = MboxSplitter(limit: limits.messageBytes)
    }

    /// The next message and its number (from 1), or `nil` at the end of the file.
    public func next() throws(IngestError) -> (number: Int, message: MboxSplitter.Message)? {
        while readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            guard !finished else { return nil }
            let chunk = try input.read(upToCount: chunkBytes)
            if !chunk.isEmpty {
                chunk.withUnsafeBufferPointer { bytes in
                    splitter.feed(bytes) { ready.append(($0, $1)) }
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
