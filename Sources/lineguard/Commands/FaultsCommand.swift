import ArgumentParser
import Daemon
import Foundation

/// `lineguard faults run`: the fault campaign (issue 10).
struct FaultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faults", abstract: "Prove the daemon survives link faults on the simulated line.", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the daemon against the simulated line while it injects faults, and check each fault.",
            discussion: """
                The simulated line (real Modbus TCP on loopback) and the daemon on the configuration
                generated for it run in this process for the scenario's line time at its speed. Per
                fault: the daemon stayed up, the other stations lost no unit, the faulted station
                was back within 2 s (wall) of the fault's end, no bad value entered SPC or became a
                defect, and the fault left a data-quality event. Exits 1 when any check fails.
                """)

        @Option(name: .long, help: "The campaign scenario file.") var scenario: String = "seeds/scenarios/fault-campaign.toml"
        @Option(name: .long, help: "The line file.") var line: String = "seeds/lines/reference-line.toml"
        @Option(name: .long, help: "Work directory for the database and ground truth.") var workDirectory: String = "faults-output"
        @Option(name: .long, help: "text or json.") var format: OutputFormat = .text
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let logger = logging.bootstrap(label: "lineguard.faults", configured: "warning")
            let report: FaultCampaignReport
            do {
                report = try await FaultCampaign.run(line: line, scenario: scenario, workDirectory: workDirectory, logger: logger)
            } catch {
                printError("lineguard faults run: \(error)")
                throw ExitCode(2)
            }
            print(format == .json ? report.json : report.text)
            if !report.passed { throw ExitCode(1) }
        }
    }
}
