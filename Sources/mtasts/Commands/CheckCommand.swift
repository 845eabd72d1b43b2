import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSProbe
import MTASTSStore
import NIOPosix

/// `mtasts check DOMAIN...`: observe domains live and print their reports.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check domains live: DNS, the policy over HTTPS, every MX over SMTP STARTTLS.",
        discussion: """
            Domains come from the arguments, from --file (one per line, # comments), from the \
            workspace with --all, or from standard input when none of these is given. Output is \
            grouped as DNS, Policy, Certificates and MX / STARTTLS; --json prints one DomainReport \
            per domain as a JSON array. --save stores the observations in the workspace (for \
            `mtasts status`, the terminal UI and the history), e.g. from cron.
            """)

    @Argument(help: "Domains to check.")
    var domains: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read domains from this file (one per line, # comments).", valueName: "path"))
    var file: String?

    @Flag(name: .long, help: "Print timing, probe counts and peak memory to stderr (benchmarks).")
    var stats = false

    @Flag(name: .long, help: "Store the observations in the workspace, adding domains not yet in it.")
    var save = false

    @Flag(name: .long, help: "Check every domain of the workspace (implies --save).")
    var all = false

    @Flag(name: .customLong("json-lines"), help: "Print one DomainReport per line as each domain finishes (completion order, flushed; memory stays flat).")
    var jsonLines = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @OptionGroup var probe: ProbeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let workspace = save || all ? try workspaceOptions.open() : nil
        var list: [String]
        if let workspace, all {
            list = try workspace.domains().map(\.name)
            if !domains.isEmpty || file != nil { list += try DomainList.read(arguments: domains, file: file) }
            guard !list.isEmpty else { throw UsageFailure("the workspace has no domains (mtasts domains add D...)") }
        } else {
            list = try DomainList.read(arguments: domains, file: file)
        }
        if let workspace {
            let added = try workspace.add(domains: list, note: "added by mtasts check --save").added
            var seen: Set<String> = []
            list = list.filter { seen.insert($0).inserted }
            if !added.isEmpty, !output.json { FileHandle.standardError.write(Data("added to the workspace: \(added.joined(separator: ", "))\n".utf8)) }
        }
        let domainList = list
        let environment = try probe.makeEnvironment()
        let run = RunCache()
        let started = ContinuousClock.now
        if jsonLines {
            return try await streamLines(list, environment: environment, run: run, workspace: workspace, started: started)
        }
        let observations = await environment.bulk.check(list, run: run) { index, observation in
            if domainList.count > 1, isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(Data("checked \(observation.domain)\n".utf8))
            }
        }
        let elapsed = ContinuousClock.now - started
        if let workspace { _ = try workspace.save(observations) }
        let now = Date()
        let reports = observations.map { Evaluator.evaluate($0, at: now) }
        let summary = CheckRunSummary.of(reports)
        if stats { await printStats(count: reports.count, elapsed: elapsed, run: run) }
        if output.json {
            try JSONOutput.print(reports)
        } else {
            let printer = ReportPrinter(style: output.style)
            for (index, report) in reports.enumerated() {
                if index > 0 { print("\n" + String(repeating: "─", count: 60) + "\n") }
                printer.print(report)
            }
            if reports.count > 1 {
                let elapsed = ContinuousClock.now - started
                let counted = summary.couldNotCheck == 0 ? "\(summary.checked) domains" : "checked \(summary.checked) domains, could not check \(summary.couldNotCheck),"
                print("\n\(counted) in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated)))")
            }
        }
        sayOnce(summary)
        try ExitStatus(findings: reports.flatMap(\.findings)).exit()
    }
}

extension CheckCommand {
    /// `--json-lines`: each report printed and flushed as soon as its verdict is final; saved in
    /// batches; only the worst severity and the run's counts are kept.
    func streamLines(_ list: [String], environment: ProbeOptions.Environment, run: RunCache, workspace: Workspace?,
                     started: ContinuousClock.Instant) async throws {
        let encoder = JSONCoding.encoder(pretty: false)
        var summary = CheckRunSummary()
        var worst: Severity?
        var batch: [Observation] = []
        var failure: (any Error)?
        await environment.bulk.stream(list, run: run) { observation in
            let report = Evaluator.evaluate(observation, at: Date())
            summary.add(report)
            worst = max(worst ?? .info, report.findings.worstSeverity ?? .info)
            do {
                var line = try encoder.encode(report)
                line.append(0x0A)
                FileHandle.standardOutput.write(line)
            } catch {
                FileHandle.standardError.write(Data("mtasts: cannot write the report of \(report.domain): \(error)\n".utf8))
            }
            guard let workspace, failure == nil else { return }
            batch.append(observation)
            if batch.count >= 500 {
                do { try workspace.save(batch) } catch { failure = error }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if let workspace, failure == nil, !batch.isEmpty {
            do { try workspace.save(batch) } catch { failure = error }
        }
        if let failure { throw UsageFailure("the observations could not be saved: \(failure)") }
        if stats { await printStats(count: summary.checked + summary.couldNotCheck, elapsed: ContinuousClock.now - started, run: run) }
        sayOnce(summary)
        let status: ExitStatus = switch worst {
        case .error?: .errors
        case .unknown?: .couldNotRun
        case .warning?: .warnings
        default: .clean
        }
        try status.exit()
    }

    /// What the run established as a whole, said once, on stderr so JSON stays parseable.
    func sayOnce(_ summary: CheckRunSummary) {
        for line in summary.lines { FileHandle.standardError.write(Data((output.style.paint(line, .unknown) + "\n").utf8)) }
    }

    func printStats(count: Int, elapsed: Duration, run: RunCache) async {
        let seconds = elapsed.seconds
        let line = String(
            format: "stats: %d domains in %.2f s = %.1f domains/s; MX probes %d distinct of %d requested; MX hosts looked up %d of %d requested; peak RSS %.1f MiB\n",
            count, seconds, Double(count) / max(seconds, 0.001), await run.distinctProbes, await run.requests,
            await run.distinctHosts, await run.hostRequests, PeakMemory.mebibytes)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
