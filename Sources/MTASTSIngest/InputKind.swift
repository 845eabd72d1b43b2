import Foundation

/// What a path given to the ingester holds.
enum InputKind: Equatable {
    /// A directory with `cur/` or `new/`.
    case maildir
    /// A file of messages separated by From_ lines (RFC 4155).
    case mbox
    /// One report (`.json`, `.json.gz`) or one message (`.eml`).
    case single

    /// Directories are maildirs; `.eml`, `.json`, `.gz` files are single items whatever they
    /// start with; `.mbox` files are mailboxes. `nil`: the content decides
    /// (``of(start:)``), read through a ``PeekableInput`` so a pipe loses nothing.
    static func of(path: String) throws(IngestError) -> InputKind? {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else {
            throw .unreadable("\(path): no such file or directory")
        }
        if directory.boolValue { return .maildir }
        let lower = path.lowercased()
        if [".eml", ".msg", ".json", ".gz", ".gzip"].contains(where: lower.hasSuffix) { return .single }
        if lower.hasSuffix(".mbox") || lower.hasSuffix(".mbx") { return .mbox }
        return nil
    }

    /// A mailbox when the input starts with a From_ line (RFC 4155 §2), one item otherwise.
    static func of(start: [UInt8]) -> InputKind {
        start.starts(with: Array("From ".utf8)) ? .mbox : .single
    }

    /// How many bytes ``of(start:)`` looks at.
    static let sniffBytes = 5
}
