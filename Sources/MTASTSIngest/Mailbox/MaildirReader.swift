import Foundation

/// Lists the messages of a maildir: the files of `new/` and `cur/` (messages being delivered
/// sit in `tmp/` and are skipped; so are dot files), in name order, which for maildir names
/// is delivery order.
public enum MaildirReader {
    /// True when `path` is a directory with a `cur/` or `new/` subdirectory.
    public static func isMaildir(_ path: String) -> Bool {
        ["cur", "new"].contains { isDirectory((path as NSString).appendingPathComponent($0)) }
    }

    public static func messages(in path: String) throws(IngestError) -> [String] {
        guard isMaildir(path) else {
            throw .unreadable("\(path) is a directory but not a maildir (no cur/ or new/)")
        }
        var files: [String] = []
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
                if !isDirectory(file) { files.append(file) }
            }
        }
        return files
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
