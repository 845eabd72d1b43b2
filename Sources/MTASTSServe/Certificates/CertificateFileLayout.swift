import Foundation

/// Where ACME clients put a certificate and its key, so `serve --certs DIR` can be pointed at
/// what is already on the machine:
/// - certbot: `<DIR>/<name>/fullchain.pem` + `privkey.pem` (`DIR` = `/etc/letsencrypt/live`;
///   `/etc/letsencrypt` itself works too, its `live/` is looked into);
/// - acme.sh: `<DIR>/<name>/fullchain.cer` + `<name>.key`, and `<DIR>/<name>_ecc/…` for ECDSA
///   (`DIR` = `~/.acme.sh`).
/// A directory's name is not trusted for which host it serves: the leaf's names decide.
public enum CertificateFileLayout {
    /// One chain file and its key.
    public struct Pair: Sendable, Hashable {
        public var chainPath: String
        public var keyPath: String
    }

    /// The pairs under each of `directories`, sorted by path.
    public static func pairs(in directories: [String]) -> [Pair] {
        var pairs: [Pair] = []
        for directory in directories {
            var roots = [directory]
            let live = (directory as NSString).appendingPathComponent("live")
            if isDirectory(live) { roots.append(live) }
            for root in roots {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
                for entry in entries.sorted() where !entry.hasPrefix(".") {
                    let folder = (root as NSString).appendingPathComponent(entry)
                    guard isDirectory(folder) else { continue }
                    if let pair = pair(in: folder, name: entry) { pairs.append(pair) }
                }
            }
        }
        return pairs
    }

    static func pair(in folder: String, name: String) -> Pair? {
        let certbot = Pair(chainPath: folder + "/fullchain.pem", keyPath: folder + "/privkey.pem")
        if FileManager.default.fileExists(atPath: certbot.chainPath) { return certbot }
        let stem = name.hasSuffix("_ecc") ? String(name.dropLast(4)) : name
        let acme = Pair(chainPath: folder + "/fullchain.cer", keyPath: folder + "/\(stem).key")
        if FileManager.default.fileExists(atPath: acme.chainPath) { return acme }
        return nil
    }

    /// What changes when a file is renewed: path, modification time and size of every file of
    /// every pair (following the symlinks certbot keeps in `live/`).
    public static func fingerprint(of pairs: [Pair]) -> [String] {
        pairs.flatMap { [$0.chainPath, $0.keyPath] }.map { path in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path + " missing" }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            return "\(path) \(modified) \(size)"
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
