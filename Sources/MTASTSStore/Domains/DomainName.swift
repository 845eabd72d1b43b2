import Foundation
import MTASTSCore

/// Validation and normalisation of the domain names the workspace accepts.
public enum DomainName {
    /// The name as stored: surrounding white space trimmed, ASCII lower-cased, one trailing dot
    /// dropped (``MXMatcher/normalize(_:)``); `nil` when the result is not a valid name.
    public static func normalized(_ text: String) -> String? {
        let name = key(text)
        return isValid(name) ? name : nil
    }

    /// The normalised form without validation, for look-ups.
    static func key(_ text: String) -> String {
        MXMatcher.normalize(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A host name of LDH labels (RFC 1035 §2.3.1, RFC 1123 §2.1): at least two labels of 1–63
    /// letters, digits or hyphens, no hyphen at either end of a label, at most 253 characters,
    /// and a top-level label that is not all digits (so an IPv4 address is refused, RFC 3696
    /// §2). Internationalised names must be given as A-labels (`xn--…`).
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last else { return false }
        for label in labels {
            guard (1...63).contains(label.count),
                label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                label.allSatisfy(isLDH)
            else { return false }
        }
        return !last.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isLDH(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
