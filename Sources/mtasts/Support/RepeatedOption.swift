import ArgumentParser

/// Takes the values of one repeatable option out of the command line before ArgumentParser
/// sees them.
///
/// swift-argument-parser 1.8 is quadratic in the number of values of a repeated option: every
/// value's origin is removed from its argument list one by one, in no particular order, each
/// removal scanning and shifting the list (`SplitArguments.removeAll(in:)`), and every value is
/// appended to an array copied out of and back into its parsed-values box. 2,000 `--txt`
/// values took 8 s and more, nearly all of it there. So the values of `--txt` are collected here
/// in one pass and handed to the command after parsing (``RecordListCommand``).
enum RepeatedOption {
    struct Split: Equatable {
        /// The arguments without the option and its values.
        var remaining: [String]
        /// The values, in order.
        var values: [String]
    }

    /// Removes every `--name VALUE` and `--name=VALUE` before a `--` terminator. A `--name`
    /// without a value after it (the end, or something that looks like an option) is left in
    /// place, so ArgumentParser reports it as it would.
    static func extract(_ name: String, from arguments: [String]) -> Split {
        let flag = "--" + name
        let joined = flag + "="
        var remaining: [String] = []
        var values: [String] = []
        remaining.reserveCapacity(arguments.count)
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                remaining += arguments[index...]
                break
            }
            if argument.hasPrefix(joined) {
                values.append(String(argument.dropFirst(joined.count)))
            } else if argument == flag, index + 1 < arguments.endIndex, !looksLikeOption(arguments[index + 1]) {
                values.append(arguments[index + 1])
                index += 1
            } else {
                remaining.append(argument)
            }
            index += 1
        }
        return Split(remaining: remaining, values: values)
    }

    private static func looksLikeOption(_ argument: String) -> Bool {
        argument.count > 1 && argument.hasPrefix("-")
    }
}

/// A command whose `--txt` values arrive through ``RepeatedOption`` (the lint record commands).
protocol RecordListCommand: ParsableCommand {
    var txt: [String] { get set }
}
