import ArgumentParser
import Daemon
import Foundation
import Simulator

/// `lineguard scenarios run`: the detection scorecard on the simulated line.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios", abstract: "Score LineGuard's detection on simulated failure scenarios.",
        subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play scenarios through the simulator and the full daemon, and score them against the ground truth.",
            discussion: """
                Each run: the simulated line (real Modbus TCP on loopback), the daemon on the
                configuration generated for that line, a real SQLite file, the scenario's line time
                at its suggested speed times --speed-factor. Scenarios are names of seeds/scenarios
                files (without .toml) or paths.
                """)

        @Argument(help: "Scenario names or files.") var scenarios: [String] = []
        @Flag(name: .long, help: "Every scenario in --scenario-directory.") var all = false
        @Option(name: .long, help: "Seeds per scenario.") var seeds: Int = 1
        @Option(name: .long, help: "The line file.") var line: String = "seeds/lines/reference-line.toml"
        @Option(name: .long, help: "Where scenario files are.") var scenarioDirectory: String = "seeds/scenarios"
        @Option(name: .long, help: "Multiplies each scenario's suggested speed.") var speedFactor: Double = 1
        @Option(name: .long, help: "Runs played at the same time (each its own simulator and daemon on loopback).")
        var jobs: Int = 1
        @Option(name: .long, help: "Work directory for databases and ground truth.") var workDirectory: String = "scorecard-output"
        @Option(
            name: .long,
            help: "Days of in-control line in the study that sets the known limits (the shipped configuration's: 20).")
        var studyDays: Double = LineStudy.defaultLineSeconds / 86_400
        @Option(name: .long, help: "text or json.") var format: OutputFormat = .text
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1") }
            guard speedFactor > 0 else { throw ValidationError("--speed-factor must be positive") }
            guard (1...16).contains(jobs) else { throw ValidationError("--jobs must be 1 to 16") }
            guard studyDays >= 0.1 && studyDays <= 365 else { throw ValidationError("--study-days must be from 0.1 to 365") }
            guard all || !scenarios.isEmpty else { throw ValidationError("name scenarios or give --all") }
        }

        func run() async throws {
            var paths = scenarios.map { $0.hasSuffix(".toml") ? $0 : "\(scenarioDirectory)/\($0).toml" }
            if all {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: scenarioDirectory)) ?? []
                // The filling-only demo scenarios belong to `lineguard simulate` without --line, the
                // fault campaigns to `lineguard faults run`, the demo mix to `lineguard demo`.
                paths = files.filter {
                    $0.hasSuffix(".toml") && !$0.hasPrefix("filling-") && !$0.hasPrefix("fault-campaign") && $0 != "demo-mix.toml"
                }.sorted()
                    .map { "\(scenarioDirectory)/\($0)" }
            }
            let logger = logging.bootstrap(label: "lineguard.scenarios", configured: "warning")
            do {
                let rows = try await Scorecard.run(
                    line: line, scenarios: paths, seeds: seeds, speedFactor: speedFactor, jobs: jobs, workDirectory: workDirectory,
                    studySeconds: studyDays * 86_400, logger: logger)
                print(format == .json ? Scorecard.json(rows) : Scorecard.text(rows))
            } catch {
                printError("lineguard scenarios run: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
