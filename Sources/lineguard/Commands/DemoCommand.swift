import ArgumentParser
import Daemon
import Foundation
import Logging

/// `lineguard demo`: the simulated line, the daemon, what it caught, in one command.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the daemon against the simulated battery line with a mix of faults and show what it caught.",
        discussion: """
            Serves the reference line (coating, calendering, slitting, dry room, vacuum drying,
            filling, grading: each station its own Modbus TCP server on loopback) playing the
            demo-mix scenario (45 minutes of line in about 45 seconds: filling nozzle 3 steps down
            1.5 g, the cathode loading drifts, a calender gauge sends NaN, the dry-room dew point
            rises), runs the daemon on the line's default configuration (compiled in), then prints
            the status and, per injected fault, whether and when it was caught, scored against the
            simulator's ground truth. Exit status 0 when every fault was caught.
            With --filling: the single filling station of `lineguard simulate` with a failing
            nozzle, on the embedded config/demo.toml (stops at the first held lot).
            """)

    @Option(name: .long, help: "Directory for the demo database and logs.")
    var directory: String = "demo-output"

    @Flag(name: .long, help: "The single filling station instead of the whole line.")
    var filling = false

    @Option(name: .long, help: "With --filling: line speed-up (3 s of line time per filling cycle).")
    var speed: Double = 20

    @Option(name: .long, help: "With --filling: give up after this many seconds.")
    var timeout: Int = 60

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "lineguard.demo", configured: "notice")
        if filling {
            try await runFilling(logger: logger)
            return
        }
        let outcome = try await LineDemo.run(directory: directory, logger: logger)
        let cpk = (try? StatusRenderer.read(database: outcome.database))?.cpk ?? [:]
        print(StatusRenderer.text(outcome.report, database: outcome.database, cpk: cpk))
        print("")
        print(LineDemo.text(outcome))
        print("")
        if outcome.allCaught {
            print("DETECTED: every injected fault was caught; the record is in \(outcome.database).")
        } else {
            print("NOT EVERY FAULT WAS CAUGHT: see the table above and \(outcome.database)")
            throw ExitCode(1)
        }
    }

    private func runFilling(logger: Logger) async throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let outcome = try await DemoRunner.run(
            executable: executable, directory: directory, speed: speed, timeout: .seconds(timeout), logger: logger)
        let cpk = (try? StatusRenderer.read(database: outcome.database))?.cpk ?? [:]
        print(StatusRenderer.text(outcome.report, database: outcome.database, cpk: cpk))
        print("")
        if outcome.detected {
            print("DETECTED: the nozzle step was caught in \(Int(outcome.seconds)) s: defect recorded and its lot put on hold.")
        } else {
            print("NOT DETECTED within \(timeout) s: see the log above and \(directory)/simulator.log")
            throw ExitCode(1)
        }
    }
}
