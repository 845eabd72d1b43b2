import Foundation

/// What a path given to the ingester holds.
enum InputKind: Equatable {
    /// A directory with `cur/` or `new/`.
    case maildir
    /// A file of messages separated by From_ lines (RFC 4155).
    case mbox
    /// One report (`.json`, `.json.gz`) or one message (`.eml`).
    case single

    /// Directories are maildirs; `.mbox` files and files starting with `From ` (except `.eml`,
    /// `.json`, `.gz`, which are single items whatever they start with) are mailboxes.
    static func of(path: String) throws(IngestError) -> InputKind {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else {
            throw .unreadable("\(path): no such file or directory")
        }
        if directory.boolValue { return .maildir }
        let lower = path.lowercased()
        if [".eml", ".msg", ".json", ".gz", ".gzip"].contains(where: lower.hasSuffix) { return .single }
        if lower.hasSuffix(".mbox") || lower.hasSuffix(".mbx") { return .mbox }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable("\(path): permission denied or unreadable")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 5)) ?? Data()
        return start.elementsEqual("From ".utf8) ? .mbox : .single
    }
}
