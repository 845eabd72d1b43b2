import MTASTSCore

/// Turns `--txt` values (bare or in `dig` presentation form) into TXT records.
enum RecordInputs {
    static func records(_ values: [String]) throws -> [TXTRecord] {
        guard !values.isEmpty else { throw UsageFailure("give at least one --txt RECORD") }
        return try values.map { value in
            do {
                return try TXTPresentationFormat.parse(value)
            } catch {
                throw UsageFailure("cannot read --txt \(value.debugDescription): \(error)")
            }
        }
    }
}
