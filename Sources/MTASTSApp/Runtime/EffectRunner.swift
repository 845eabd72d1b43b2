import Foundation
import MTASTSCore
import NIOConcurrencyHelpers

/// Runs effects off the UI thread and posts their results to the inbox.
final class EffectRunner: Sendable {
    let services: any AppServices
    let inbox: Inbox
    /// The check runs in flight, so `x` can cancel them.
    private let checkRuns = CheckRuns()

    init(services: any AppServices, inbox: Inbox) {
        self.services = services
        self.inbox = inbox
    }

    func run(_ effect: Effect) {
        let services = self.services, inbox = self.inbox
        switch effect {
        case .quit, .redraw: return  // the UI loop's own (`AppRuntime.apply`)
        case .check(let domains):
            let runs = checkRuns
            let id = UUID()
            let task = spawn {
                let result = await services.check(domains) { report in inbox.post(.checked(report)) }
                inbox.post(.checkRunFinished(result))
                runs.remove(id)
            }
            runs.add(id, task)
        case .cancelChecks:
            checkRuns.cancelAll()
        case .loadReport(let domain):
            spawn {
                do {
                    if let report = try await services.loadReport(domain) { inbox.post(.reportLoaded(report)) }
                } catch {
                    inbox.post(.failed("cannot read the stored check of \(domain): \(error)"))
                }
            }
        case .addDomains(let names):
            spawn {
                do {
                    let result = try await services.add(names)
                    inbox.post(.domainsAdded(added: result.added, existing: result.existing, invalid: result.invalid))
                } catch {
                    inbox.post(.failed("cannot add: \(error)"))
                }
            }
        case .loadTLSRPT(let domain):
            spawn {
                do {
                    inbox.post(.tlsrptLoaded(try await services.loadTLSRPT(domain)))
                } catch {
                    inbox.post(.failed("cannot read the reports of \(domain): \(error)"))
                }
            }
        case .loadFailureDetails(let domain, let bucket):
            spawn {
                do {
                    let details = try await services.loadFailureDetails(domain, bucket: bucket)
                    inbox.post(.failureDetailsLoaded(domain: domain, bucket: bucket, details))
                } catch {
                    inbox.post(.failed("cannot read the failure details: \(error)"))
                }
            }
        case .rollout(let request, let who):
            spawn { inbox.post(.rollout(await services.rollout(request, operator: who))) }
        case .loadTriage:
            spawn {
                do {
                    inbox.post(.triageLoaded(try await services.loadTriage()))
                } catch {
                    inbox.post(.failed("cannot read the reports: \(error)"))
                }
            }
        case .pollWorkspace:
            spawn { inbox.post(.workspacePolled(try? await services.workspaceChangeToken())) }
        case .reloadRows:
            spawn {
                do {
                    inbox.post(.rowsReloaded(try await services.loadRows()))
                } catch {
                    inbox.post(.failed("cannot read the workspace: \(error)"))
                    inbox.post(.workspacePolled(nil))  // ends the wait; the next tick asks again
                }
            }
        case .removeDomain(let name):
            spawn {
                do {
                    try await services.remove(name)
                    inbox.post(.domainRemoved(name))
                } catch {
                    inbox.post(.failed("cannot remove \(name): \(error)"))
                }
            }
        }
    }

    func load() {
        let services = self.services, inbox = self.inbox
        spawn {
            do {
                inbox.post(.loaded(try await services.loadRows()))
            } catch {
                inbox.post(.failed("cannot read the workspace: \(error)"))
            }
        }
    }

    @discardableResult
    private func spawn(_ work: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        inbox.begin()
        let inbox = self.inbox
        return Task.detached {
            await work()
            inbox.end()
        }
    }
}

/// Check runs in flight, by id (locked: effects start on the UI thread, runs end on the pool).
final class CheckRuns: Sendable {
    private let tasks = NIOLockedValueBox<[UUID: Task<Void, Never>]>([:])

    func add(_ id: UUID, _ task: Task<Void, Never>) {
        tasks.withLockedValue { $0[id] = task }
    }

    func remove(_ id: UUID) {
        _ = tasks.withLockedValue { $0.removeValue(forKey: id) }
    }

    func cancelAll() {
        let running = tasks.withLockedValue { Array($0.values) }
        for task in running { task.cancel() }
    }
}
