import Foundation
import Hummingbird
import NIOCore

/// The internet-facing listener: the policy file of each hosted name (``PolicyResponse``) and,
/// when enabled, the report endpoint. Nothing else of the workspace is reachable here.
public struct PublicResponder: HTTPResponder {
    public typealias Context = ServeRequestContext
    let state: HostingState
    let receiver: ReportReceiver?
    let reportsPath: String
    let counters: ServeCounters

    public init(state: HostingState, receiver: ReportReceiver?, reportsPath: String, counters: ServeCounters) {
        self.state = state
        self.receiver = receiver
        self.reportsPath = reportsPath
        self.counters = counters
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        if let receiver, request.uri.path == reportsPath {
            guard request.method == .post else {
                return ReportReceiver.text(405, "POST TLS-RPT reports here (RFC 8460 §3)\n", extra: [.allow: "POST"])
            }
            return await receiver.receive(request, client: context.clientAddress)
        }
        let decision = PolicyResponse.decide(
            method: request.method.rawValue, target: request.uri.string, host: request.head.authority, table: state.table)
        counters.count(decision.kind)
        var headers: HTTPFields = [.contentType: decision.contentType, .cacheControl: "no-store"]
        if let allow = decision.allow { headers[.allow] = allow }
        let bytes = ByteBuffer(string: decision.body)
        if decision.omitsBody {
            headers[.contentLength] = String(bytes.readableBytes)
            return Response(status: .init(code: decision.status), headers: headers, body: ResponseBody())
        }
        return Response(status: .init(code: decision.status), headers: headers, body: .init(byteBuffer: bytes))
    }
}
