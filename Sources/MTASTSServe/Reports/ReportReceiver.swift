import Foundation
import Hummingbird
import Logging
import MTASTSCore
import MTASTSStore
import NIOCore
import NIOPosix
import Synchronization

/// `POST` of TLS-RPT reports to the `https:` rua URI (RFC 8460 §3): rate-limited per client,
/// the body read under a cap, decoded through the same parser and caps as `reports ingest`,
/// stored with the same de-duplication, and answered 2xx only once the store has the report.
public final class ReportReceiver: Sendable {
    let workspace: Workspace
    let limits: ServeLimits
    let counters: ServeCounters
    let logger: Logger
    private let limiter: Mutex<ClientRateLimiter>

    public init(workspace: Workspace, limits: ServeLimits, counters: ServeCounters, logger: Logger) {
        self.workspace = workspace
        self.limits = limits
        self.counters = counters
        self.logger = logger
        limiter = Mutex(ClientRateLimiter(burst: limits.reportBurst, perSecond: limits.reportsPerSecond))
    }

    public func receive(_ request: Request, client: String) async -> Response {
        let allowed = limiter.withLock { $0.allow(client, at: Date()) }
        guard allowed else {
            counters.count(.rateLimited)
            let retry = limiter.withLock { $0.retryAfter(client) }
            return Self.text(429, "too many reports from \(client); retry later\n", extra: [.retryAfter: String(retry)])
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limits.requestBodyBytes {
            counters.count(.tooLarge)
            return Self.text(413, "the body is larger than \(limits.requestBodyBytes) bytes\n", close: true)
        }
        var body: [UInt8] = []
        do {
            for try await chunk in request.body {
                guard body.count + chunk.readableBytes <= limits.requestBodyBytes else {
                    counters.count(.tooLarge)
                    return Self.text(413, "the body is larger than \(limits.requestBodyBytes) bytes\n", close: true)
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } catch {
            counters.count(.rejected)
            return Self.text(400, "the body could not be read: \(error)\n", close: true)
        }
        let contentType = request.headers[.contentType]
        let received = body
        let ingestLimits = limits.ingest
        let workspace = self.workspace
        let source = "https:\(client)"
        let answer: (Int, String, ServeCounters.ReportOutcomeLabel)
        do {
            answer = try await NIOThreadPool.singleton.runIfActive {
                switch ReportSubmission.decide(contentType: contentType, body: received, limits: ingestLimits) {
                case .reject(let status, let reason):
                    return (status, reason + "\n", status == 413 ? .tooLarge : .rejected)
                case .store(let parsed):
                    let outcome: ReportStoreOutcomeWord
                    switch try workspace.store(parsed, source: source) {
                    case .stored: outcome = .stored
                    case .duplicate: outcome = .duplicate
                    case .failed(let reason): outcome = .failed(reason)
                    }
                    let (status, text) = ReportSubmission.answer(outcome)
                    let label: ServeCounters.ReportOutcomeLabel =
                        switch outcome { case .stored: .stored; case .duplicate: .duplicate; case .failed: .failed }
                    return (status, text, label)
                }
            }
        } catch {
            logger.error("storing a posted report failed: \(error)")
            counters.count(.failed)
            return Self.text(503, "not stored, try again later\n")
        }
        counters.count(answer.2)
        if answer.0 >= 400 { logger.notice("report from \(client) refused (\(answer.0)): \(answer.1.trimmingCharacters(in: .newlines))") }
        return Self.text(answer.0, answer.1)
    }

    static func text(_ status: Int, _ body: String, extra: HTTPFields = [:], close: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        headers.append(contentsOf: extra)
        if close { headers[.connection] = "close" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
