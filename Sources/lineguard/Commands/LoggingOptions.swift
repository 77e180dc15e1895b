public import ArgumentParser
public import Logging

/// `--log-level`, shared by the long-running commands. Logs go to stderr (journald adds the
/// time under systemd).
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical (default: the configuration's, else info).")
    var logLevel: Logger.Level?

    /// Bootstraps swift-log once for the process and returns the root logger.
    func bootstrap(label: String, configured: String? = nil) -> Logger {
        let level = logLevel ?? configured.flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
