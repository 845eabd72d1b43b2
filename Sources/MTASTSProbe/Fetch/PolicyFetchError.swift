/// Failures raised inside the fetch pipeline.
enum PolicyFetchError: Error, CustomStringConvertible {
    case headTooLarge(bytes: Int, limit: Int)

    var description: String {
        switch self {
        case .headTooLarge(let bytes, let limit):
            "the response head is larger than \(limit) bytes (\(bytes) bytes read without its end)"
        }
    }
}
