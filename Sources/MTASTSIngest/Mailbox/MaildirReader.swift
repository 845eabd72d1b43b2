import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the messages of a maildir: the files of `new/` and `cur/` (messages being delivered
/// sit in `tmp/` and are skipped; so are dot files and subdirectories), in name order, which
/// for maildir names is delivery order. Only regular files (or links to them) are messages: a
/// FIFO would block the reader for ever and a device could be read without end, so those,
/// and sockets, are listed as ``Entry/notAFile(_:kind:)`` for the caller to name.
public enum MaildirReader {
    public enum Entry: Sendable, Hashable {
        /// A regular file: a message to read.
        case message(String)
        /// Something else (`kind`: "a FIFO", "a socket", "a device"), not to be opened.
        case notAFile(String, kind: String)
    }

    /// True when `path` is a directory with a `cur/` or `new/` subdirectory.
    public static func isMaildir(_ path: String) -> Bool {
        ["cur", "new"].contains { isDirectory((path as NSString).appendingPathComponent($0)) }
    }

    public static func entries(in path: String) throws(IngestError) -> [Entry] {
        guard isMaildir(path) else {
            throw .unreadable("\(path) is a directory but not a maildir (no cur/ or new/)")
        }
        var entries: [Entry] = []
        for folder in ["new", "cur"] {
            let directory = (path as NSString).appendingPathComponent(folder)
            guard isDirectory(directory) else { continue }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw .unreadable("\(directory): \(error.localizedDescription)")
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = (directory as NSString).appendingPathComponent(name)
                switch fileType(file) {
                case .regular: entries.append(.message(file))
                case .directory: continue
                case let other: entries.append(.notAFile(file, kind: describe(other)))
                }
            }
        }
        return entries
    }

    /// The messages only (regular files), for callers that do not report the rest.
    public static func messages(in path: String) throws(IngestError) -> [String] {
        try entries(in: path).compactMap { if case .message(let file) = $0 { file } else { nil } }
    }

    /// What `path` is after following symbolic links (`stat(2)`).
    enum FileType {
        case regular, directory, fifo, socket, device, unreadable
    }

    static func fileType(_ path: String) -> FileType {
        var info = stat()
        guard stat(path, &info) == 0 else { return .unreadable }
        switch info.st_mode & 0o170000 {
        case 0o100000: return .regular
        case 0o040000: return .directory
        case 0o010000: return .fifo
        case 0o140000: return .socket
        case 0o020000, 0o060000: return .device
        default: return .unreadable
        }
    }

    static func describe(_ type: FileType) -> String {
        switch type {
        case .fifo: "a FIFO"
        case .socket: "a socket"
        case .device: "a device"
        case .regular, .directory, .unreadable: "a dangling link or an entry that cannot be examined"
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
