/// The fields of a record or policy that appear more than once, counted by name in the order
/// they first repeat. RFC 8461 §3.2: "If any field is duplicated, all entries except for the
/// first SHALL be ignored"; one finding per name says so, with the count, instead of one
/// finding per repeat.
struct RepeatedFields {
    struct Group: Equatable {
        var name: String
        /// How many times the name appears in all (the first included).
        var count: Int
        /// Whether some repeat has another value than the first.
        var differs: Bool
        /// Where the first repeats are (policy line numbers), at most ``RepeatedFields/places``.
        var positions: [Int] = []
        /// The first repeat as written (a policy line), for evidence.
        var firstRepeat: String = ""
    }

    /// How many positions a group keeps.
    static let places = 5

    private(set) var groups: [Group] = []
    private var index: [String: Int] = [:]

    /// The groups with those of `names` (the fields senders act on) first, otherwise in order:
    /// folding (``RepeatedFindings``) never hides them behind repeated extensions.
    func groups(first names: Set<String>) -> [Group] {
        groups.filter { names.contains($0.name) } + groups.filter { !names.contains($0.name) }
    }

    /// Records one more appearance of `name` after its first.
    mutating func add(_ name: String, differs: Bool, at position: Int? = nil, written: String = "") {
        if let slot = index[name] {
            groups[slot].count += 1
            groups[slot].differs = groups[slot].differs || differs
            if let position, groups[slot].positions.count < Self.places { groups[slot].positions.append(position) }
        } else {
            index[name] = groups.count
            groups.append(Group(name: name, count: 2, differs: differs, positions: position.map { [$0] } ?? [],
                                firstRepeat: written))
        }
    }
}
