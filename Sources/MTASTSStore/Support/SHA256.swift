import Crypto
import Foundation

/// The policy body fingerprint ("body changed, id unchanged"): swift-crypto's SHA-256
/// (FIPS 180-4) as 64 lower-case hex digits, the form `sha256sum` prints. Not for secrets.
/// Named like Crypto's type so callers read `SHA256.hex(body)`; inside this module this
/// declaration wins name lookup, so Crypto's is spelled `Crypto.SHA256` here.
enum SHA256 {
    static func hex(_ bytes: some DataProtocol) -> String {
        Crypto.SHA256.hash(data: bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}

/// The workspace's body fingerprint for other modules (`serve` records which body it hosts
/// in the same form as observations record the body they fetched).
public enum BodyDigest {
    public static func sha256Hex(_ text: String) -> String { SHA256.hex(Data(text.utf8)) }
}
