import ArgumentParser
import Daemon

/// `lineguard simulate`: the simulated battery line for tests and demos.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve a simulated electrolyte filling station over Modbus TCP.",
        discussion: """
            Eight nozzles publish their last fill weight (float32, holding registers 100-115),
            a cell counter each (uint32, 200-215), a heartbeat (0) and the lot id (10-17). Built-in
            scenarios: filling-baseline, filling-nozzle-step; or give a scenario TOML file.
            """)

    @Option(name: .long, help: "host:port to listen on; port 0 picks a free port.")
    var listen: String = "127.0.0.1:15020"

    @Option(name: .long, help: "A built-in scenario name or a scenario TOML file.")
    var scenario: String = "filling-baseline"

    @Option(name: .long, help: "How many times faster than real time the line runs.")
    var speed: Double = 1

    @Option(name: .long, help: "Override the scenario's random seed.")
    var seed: UInt64?

    @Option(name: .long, help: "Stop after this many filling cycles.")
    var cycles: Int?

    @Option(name: .long, help: "Write the bound port to this file once listening.")
    var portFile: String?

    @Flag(name: .long, help: "Start the line only when the first client request arrives (tests, demos).")
    var waitForClient = false

    @Option(name: .long, help: "Serve a whole line (seeds/lines/*.toml) instead of the filling station; --scenario is then a scenario file of seeds/scenarios.")
    var line: String?

    @Option(name: .long, help: "With --line: station ports are BASE + the station's port offset (0: a free port each).")
    var basePort: Int = 0

    @Option(name: .long, help: "With --line: write the ground truth (JSON lines) to this file.")
    var truth: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a positive number, got \(speed)") }
        if let cycles, cycles < 1 { throw ValidationError("--cycles must be at least 1, got \(cycles)") }
    }

    func run() async throws {
        if let line {
            let logger = logging.bootstrap(label: "lineguard.simulate")
            let host = listen.split(separator: ":").first.map(String.init) ?? "127.0.0.1"
            try await withShutdownSignals(logger: logger) { [scenario, seed, speed, basePort, portFile, truth] in
                do {
                    try await SimulatorHost.runLine(
                        line: line, scenario: scenario, seed: seed, speed: speed == 1 ? nil : speed, basePort: basePort,
                        host: host, portFile: portFile, truthPath: truth, logger: logger)
                } catch let error as CancellationError {
                    throw error
                } catch {
                    printError("lineguard simulate: \(error)")
                    throw ExitCode(2)
                }
            }
            return
        }
        let request: SimulatorHost.Request
        do {
            request = try SimulatorHost.Request(
                listen: listen, scenario: scenario, seed: seed, speed: speed, maxCycles: cycles, portFile: portFile,
                waitForClient: waitForClient)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let logger = logging.bootstrap(label: "lineguard.simulate")
        try await withShutdownSignals(logger: logger) {
            try await SimulatorHost.run(request, logger: logger)
        }
    }
}
