import Foundation

/// Reading command inputs with clear errors.
enum Input {
    /// Reads a file, or standard input for `-`/`nil`, up to `limit` bytes more than `maxSize` so
    /// the caller can tell "too large" (a policy of 70 KiB must be reported, not refused).
    static func read(path: String?, maxSize: Int = 16 * 1024 * 1024) throws -> (bytes: [UInt8], name: String) {
        if path == nil || path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maxSize else { throw UsageFailure("standard input is larger than \(maxSize) bytes") }
            return (Array(data), "stdin")
        }
        let path = path!
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageFailure("cannot read \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw UsageFailure("cannot read \(path): it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw UsageFailure("cannot read \(path): permission denied or unreadable")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxSize + 1)) ?? Data()
        guard data.count <= maxSize else { throw UsageFailure("\(path) is larger than \(maxSize) bytes") }
        return (Array(data), path)
    }
}
