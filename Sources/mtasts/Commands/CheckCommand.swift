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
        let started = ContinuousClock.now
        let observations = await environment.bulk.check(list) { index, observation in
            if domainList.count > 1, isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(Data("checked \(observation.domain)\n".utf8))
            }
        }
        let elapsed = ContinuousClock.now - started
        if let workspace { _ = try workspace.save(observations) }
        let now = Date()
        let reports = observations.map { Evaluator.evaluate($0, at: now) }
        let run = CheckRunSummary.of(reports)
        if stats {
            let seconds = elapsed.seconds
            let probes = await environment.checker.cache.distinctProbes
            let requests = await environment.checker.cache.requests
            let line = String(
                format: "stats: %d domains in %.2f s = %.1f domains/s; MX probes %d distinct of %d requested; peak RSS %.1f MiB\n",
                reports.count, seconds, Double(reports.count) / max(seconds, 0.001), probes, requests, PeakMemory.mebibytes)
            FileHandle.standardError.write(Data(line.utf8))
        }
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
                let counted = run.couldNotCheck == 0 ? "\(run.checked) domains" : "checked \(run.checked) domains, could not check \(run.couldNotCheck),"
                print("\n\(counted) in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated)))")
            }
        }
        // Said once for the run, on stderr so `--json` stays parseable.
        for line in run.lines { FileHandle.standardError.write(Data((output.style.paint(line, .unknown) + "\n").utf8)) }
        try ExitStatus(findings: reports.flatMap(\.findings)).exit()
    }
}
