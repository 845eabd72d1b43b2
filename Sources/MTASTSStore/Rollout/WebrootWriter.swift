import Foundation
import MTASTSCore

/// Writes a plan's policy file into a web root the operator serves from:
/// `<webroot>/<domain>/.well-known/mta-sts.txt`, through a temporary file and `rename(2)` so
/// the web server never serves half a file (RFC 8461 §3.3: senders read the whole body).
public enum WebrootWriter {
    public static func path(webroot: String, domain: String) -> String {
        (webroot as NSString).appendingPathComponent("\(domain)/.well-known/mta-sts.txt")
    }

    /// Writes the plan's file (or, for `removed`, deletes it). Returns the path.
    @discardableResult
    public static func write(_ plan: RolloutPlan, webroot: String) throws -> String {
        let target = path(webroot: webroot, domain: plan.domain)
        let directory = (target as NSString).deletingLastPathComponent
        if plan.target == .removed {
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            return target
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = (directory as NSString).appendingPathComponent(".mta-sts.txt.\(getpid()).\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(plan.policyText.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        return target
    }
}
