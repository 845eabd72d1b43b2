import Foundation

/// TLSA records to publish for an MX host (RFC 7671 §8.1 rollover): one `3 1 1` (DANE-EE, SPKI,
/// SHA-256) per key — the current one and the next — as zone-file lines.
public enum DANEAuthoring {
    /// One key to publish a record for: its SPKI SHA-256 (hex) and where it came from.
    public struct Key: Sendable, Hashable {
        public var spkiSHA256: String
        public var label: String
        public init(spkiSHA256: String, label: String) {
            self.spkiSHA256 = spkiSHA256.lowercased()
            self.label = label
        }
    }

    /// `_25._tcp.<host>. TTL IN TLSA 3 1 1 <hex> ; label` lines, one per distinct key, in order.
    public static func zoneLines(host: String, port: Int = 25, ttl: Int, keys: [Key]) -> [String] {
        var seen: Set<String> = []
        let owner = "_\(port)._tcp.\(MXMatcher.normalize(host))."
        return keys.filter { seen.insert($0.spkiSHA256).inserted }.map {
            "\(owner) \(ttl) IN TLSA \(TLSARecord(usage: 3, selector: 1, matchingType: 1, data: $0.spkiSHA256).description) ; \($0.label)"
        }
    }

    /// What to do with them, in the safe order (RFC 7671 §8.1, RFC 7672 §2.2).
    public static func steps(keys: Int, ttl: Int) -> [String] {
        var out = ["Publish every record above in the MX host's DNSSEC-signed zone."]
        if keys < 2 {
            out.append("Add a record for the next key too (e.g. certbot --reuse-key, or a pre-generated key), or the next key change breaks DANE.")
        }
        out.append("Check that every authoritative server serves them, then wait at least two TTLs (\(2 * ttl) s) before the server switches keys.")
        out.append("After the switch, drop the record of the old key and add one for the key after it.")
        return out
    }
}
