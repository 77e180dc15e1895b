import ArgumentParser
import Daemon
import Foundation

/// `lineguard demo`: simulator, daemon, detection, status, in one command.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the daemon against a simulated filling station with a failing nozzle and show what it caught.",
        discussion: """
            Starts `lineguard simulate` (scenario filling-nozzle-step: nozzle 3 steps down by 1.5 g
            after its 60th cell) on a free loopback port, runs the daemon on the embedded demo
            configuration until the defect is recorded and its lot is on hold (or the time limit),
            stops both cleanly and prints the status. Exit status 0 when the fault was caught.
            """)

    @Option(name: .long, help: "Directory for the demo database and logs.")
    var directory: String = "demo-output"

    @Option(name: .long, help: "Line speed-up (cycle of 3 s of line time per filling cycle).")
    var speed: Double = 20

    @Option(name: .long, help: "Give up after this many seconds.")
    var timeout: Int = 60

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "lineguard.demo", configured: "notice")
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
