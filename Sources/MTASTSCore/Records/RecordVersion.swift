/// Which TXT records of an RRset senders keep: those that begin with the version and its `;`.
///
/// RFC 8461 §3.1: "records that do not begin with `v=STSv1;` are discarded"; RFC 8460 §3:
/// "records that do not begin with `v=TLSRPTv1;` are discarded". Only the records left are
/// counted ("If the number of resulting records is not one, …").
///
/// Reading chosen: a record is kept when it begins with the version, then any WSP, then `;`.
/// The prose names `v=STSv1;` with no space; the ABNF of both RFCs puts `*WSP` before the `;`
/// (`sts-field-delim` / `field-delim = *WSP ";" *WSP`), and RFC 8461 errata 6285 reports the
/// conflict, so `v=STSv1 ; id=1` is kept too. A record that is the bare version (`v=STSv1`),
/// or the version followed by something other than WSP and `;` (`v=STSv1 id=1`), begins with
/// neither form: every sender discards it before counting, so beside a valid record it does
/// not make "several records".
enum RecordVersion {
    /// Whether `text` begins with `version`, then `*WSP`, then `;` (case-sensitive: `%s"…"`).
    static func begins(_ text: String, with version: String) -> Bool {
        guard text.hasPrefix(version) else { return false }
        let rest = text.unicodeScalars.dropFirst(version.unicodeScalars.count).drop { $0.isWSP }
        return rest.first == ";"
    }

    /// A near miss: after trimming and case-folding, `text` begins with the version followed by
    /// something that is not a letter or digit (so `v=STSv10` is another version, not a miss),
    /// yet it is not kept by ``begins(_:with:)``. Senders discard it like any other record; the
    /// parsers say so, because the operator meant it as the record.
    static func isNearMiss(_ text: String, of version: String) -> Bool {
        guard !begins(text, with: version) else { return false }
        let folded = text.trimmingWhitespace.lowercased()
        let prefix = version.lowercased()
        guard folded.hasPrefix(prefix) else { return false }
        let next = folded.dropFirst(prefix.count).first
        return !(next.map { $0.isLetter || $0.isNumber } ?? false)
    }

    /// Why a near miss is discarded, for the finding's message.
    static func nearMissReason(_ text: String, of version: String) -> String {
        let rest = text.unicodeScalars.dropFirst(version.unicodeScalars.count)
        if text.hasPrefix(version) {
            let afterWSP = rest.drop { $0.isWSP }
            if afterWSP.isEmpty {
                return "it is the bare `\(version)` with no `;` and no field after it"
            }
            return "`\(version)` is followed by \(String(String.UnicodeScalarView(afterWSP.prefix(12))).debugDescription), not by `;`"
        }
        if text.first.map({ $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }) == true {
            return "it begins with white space"
        }
        return "the version is not written exactly `\(version)` (it is case-sensitive)"
    }
}
