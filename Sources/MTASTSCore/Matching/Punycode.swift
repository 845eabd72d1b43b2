/// Punycode (RFC 3492) encoding of one label, used to suggest the A-label form (RFC 5890
/// §2.3.2.1) of a host name written with Unicode characters.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN: UInt32 = 128

    /// The `xn--` A-label for `label`, or the label itself when it is all ASCII.
    /// Returns `nil` when the encoding would overflow (absurd inputs).
    static func aLabel(_ label: String) -> String? {
        let scalars = Array(label.lowercased().unicodeScalars)
        if scalars.allSatisfy({ $0.isASCII }) { return label }
        guard let encoded = encode(scalars) else { return nil }
        return "xn--" + encoded
    }

    /// The A-label form of a whole host name, label by label.
    static func asciiHost(_ host: String) -> String? {
        var labels: [String] = []
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            guard let ascii = aLabel(String(label)) else { return nil }
            labels.append(ascii)
        }
        return labels.joined(separator: ".")
    }

    private static func adapt(_ delta: Int, _ numPoints: Int, _ firstTime: Bool) -> Int {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / numPoints
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ d: Int) -> Character {
        Character(Unicode.Scalar(UInt8(d < 26 ? d + 97 : d + 22)))
    }

    private static func encode(_ input: [Unicode.Scalar]) -> String? {
        var output = String(String.UnicodeScalarView(input.filter(\.isASCII)))
        let basicCount = output.unicodeScalars.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < input.count {
            guard let m = input.map(\.value).filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = Int(m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, delta <= Int.max - product else { return nil }
            delta += product
            n = m
            for scalar in input {
                if scalar.value < n { delta += 1 }
                if scalar.value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }
}
