import Foundation
import MTASTSCore
import MTASTSIngest

/// The rules for a TLS-RPT report POSTed to `serve`'s rua endpoint, without I/O.
///
/// RFC 8460 §3: an `https:` rua URI receives the report as an HTTP POST; RFC 8460 §5.3 and §6
/// name the media types `application/tlsrpt+json` and `application/tlsrpt+gzip`. Some reporters
/// send `application/json` or `application/gzip`: accepted, the bytes decide.
public enum ReportSubmission {
    /// Media types accepted (lower case, parameters removed).
    public static let acceptedTypes: Set<String> = [
        "application/tlsrpt+json", "application/tlsrpt+gzip", "application/json", "application/gzip", "application/x-gzip",
    ]

    /// What a POST turns into before it is stored.
    public enum Decision: Sendable {
        case store(ParsedTLSRPTReport)
        case reject(status: Int, reason: String)
    }

    /// The media type of a `Content-Type` value: lower case, without parameters.
    public static func mediaType(_ header: String?) -> String? {
        guard let header else { return nil }
        let type = header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return type?.isEmpty == false ? type : nil
    }

    /// Decides what to do with a body already read under the size cap.
    public static func decide(contentType header: String?, body: [UInt8], limits: IngestLimits) -> Decision {
        guard let type = mediaType(header), acceptedTypes.contains(type) else {
            return .reject(status: 415, reason: "send the report as application/tlsrpt+json or application/tlsrpt+gzip (RFC 8460 §5.3)")
        }
        switch ReportDecoder.posted(body, contentType: type, limits: limits) {
        case .success(let parsed): return .store(parsed)
        case .failure(.decompressedTooLarge(let limit)), .failure(.messageTooLarge(let limit)):
            return .reject(status: 413, reason: "the report is larger than \(limit) bytes")
        case .failure(let error): return .reject(status: 400, reason: "\(error)")
        }
    }

    /// The answer once the store has spoken: 2xx only once the report is stored (or already
    /// was: a reporter retrying after a lost answer must not retry for ever).
    public static func answer(_ outcome: ReportStoreOutcomeWord) -> (status: Int, text: String) {
        switch outcome {
        case .stored: (201, "stored\n")
        case .duplicate: (200, "already stored\n")
        case .failed(let reason): (503, "not stored, try again later: \(reason)\n")
        }
    }
}

/// What the store did with a posted report, in the words the answer needs.
public enum ReportStoreOutcomeWord: Sendable, Hashable {
    case stored, duplicate
    case failed(String)
}
