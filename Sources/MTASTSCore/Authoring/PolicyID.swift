import Foundation

/// Fresh policy ids (RFC 8461 §3.1: `id` is 1–32 letters or digits; "a change of the id ...
/// signals that the policy has changed"). The id is the UTC time to the second plus four random
/// base-36 characters, so ids sort by time and two proposals in the same second still differ.
public enum PolicyID {
    public static func make<G: RandomNumberGenerator>(at date: Date, using generator: inout G) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC")!, from: date)
        let stamp = String(
            format: "%04d%02d%02d%02d%02d%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0,
            components.hour ?? 0, components.minute ?? 0, components.second ?? 0)
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let suffix = String((0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
        return stamp + suffix
    }

    public static func make(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(at: date, using: &generator)
    }
}
