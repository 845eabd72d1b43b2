/// `MTASTSServe`: the long-running companion (`mtasts serve`): policy hosting (RFC 8461 §3.3),
/// TLS-RPT over HTTPS (RFC 8460 §3), watch and notifications, `/metrics`.
public enum ServeModule {
    public static let name = "mtasts-serve"
}
