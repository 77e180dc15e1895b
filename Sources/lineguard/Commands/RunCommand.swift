import ArgumentParser
import Daemon
import Logging
import Metrics
import Prometheus

/// `lineguard run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: poll, judge, record and hold until SIGTERM or SIGINT.",
        discussion: """
            Without --config the embedded demo configuration is used (config/demo.toml), which
            expects `lineguard simulate` on 127.0.0.1:15020. SIGHUP reloads the configuration
            file; an invalid file is rejected and the running configuration stays.
            Under systemd (Type=notify) it reports READY=1, STATUS= and watchdog pings.
            """)

    @Option(name: .long, help: "The TOML configuration file (see config/lineguard.toml).")
    var config: String?

    @Option(name: .long, help: "Override the configuration's database path.")
    var database: String?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        var configuration = try loadConfiguration(config)
        if let database { configuration.daemon.database = database }
        let logger = logging.bootstrap(label: "lineguard", configured: configuration.daemon.logLevel)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let options = LineGuardDaemon.Options(
            configurationPath: config, metricsText: { registry.emitToString() }, handleSignals: true)
        do {
            let daemon = try await LineGuardDaemon(configuration: configuration, options: options, logger: logger)
            try await daemon.run()
        } catch {
            logger.critical("lineguard stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}

/// Loads and checks a configuration file (or the embedded demo configuration), turning
/// configuration errors into a clean exit with every issue listed.
func loadConfiguration(_ path: String?) throws -> DaemonConfiguration {
    do {
        if let path { return try ConfigurationLoader.load(path: path) }
        return try ConfigurationLoader.load(text: EmbeddedConfiguration.demo, source: "embedded config/demo.toml")
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}
