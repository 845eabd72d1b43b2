/// What the mail around a report says, for showing where a report came from: the header
/// fields of RFC 8460 §5.3 (`TLS-Report-Domain`, `TLS-Report-Submitter`) and the usual ones.
public struct MessageInfo: Codable, Sendable, Hashable {
    public var messageID: String?
    public var from: String?
    public var subject: String?
    public var date: String?
    /// `TLS-Report-Domain`: the policy domain the report is about (RFC 8460 §5.3).
    public var reportDomain: String?
    /// `TLS-Report-Submitter`: the sending organisation's domain (RFC 8460 §5.3).
    public var reportSubmitter: String?
    /// The report part's `Content-Type` and file name.
    public var contentType: String?
    public var filename: String?

    public init(
        messageID: String? = nil, from: String? = nil, subject: String? = nil, date: String? = nil,
        reportDomain: String? = nil, reportSubmitter: String? = nil, contentType: String? = nil, filename: String? = nil
    ) {
        self.messageID = messageID
        self.from = from
        self.subject = subject
        self.date = date
        self.reportDomain = reportDomain
        self.reportSubmitter = reportSubmitter
        self.contentType = contentType
        self.filename = filename
    }

    init(headers: MIMEHeaders) {
        self.init(
            messageID: headers["Message-ID"], from: headers["From"], subject: headers["Subject"], date: headers["Date"],
            reportDomain: headers["TLS-Report-Domain"], reportSubmitter: headers["TLS-Report-Submitter"])
    }
}
