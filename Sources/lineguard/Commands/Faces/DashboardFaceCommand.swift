import ArgumentParser
import Daemon
import Foundation
import Logging

/// `lineguard dashboard`: the dashboard from a database alone (the daemon serves the same pages
/// on its `dashboard_listen`).
struct DashboardFaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Serve the line dashboard from a database (read-only).",
        discussion: """
            A line overview (a tile per station: green; amber for open signals; red for held lots or \
            a device down), a page per characteristic with its live control chart, and the held lots. \
            Pages refresh themselves and need nothing from the internet.
              lineguard dashboard --listen 127.0.0.1:8080 --config /etc/lineguard/line.toml
            Exit status: 0 stopped by SIGTERM/SIGINT, 1 cannot read or listen, 2 bad arguments.
            """)

    @Option(name: .long, help: "The SQLite database the daemon writes (default: $LINEGUARD_DB).") var db: String?
    @Option(name: .long, help: "Address to listen on, host:port (port 0: any free port).") var listen = "127.0.0.1:8080"
    @Option(name: .long, help: "The daemon's configuration, for station order and device placement.") var config: String?
    @Option(name: .long, help: "Write the port listened on to this file.") var portFile: String?

    func run() async throws {
        var logger = Logger(label: "lineguard.dashboard")
        logger.logLevel = .notice
        let path: String
        let configuration: DaemonConfiguration?
        do {
            path = try FaceOptions.databasePath(db)
            _ = try FaceStore(databasePath: path)
            configuration = try config.map { try ConfigurationLoader.load(path: $0) }
        } catch let error as FaceError {
            FileHandle.standardError.write(Data("lineguard dashboard: \(error.message)\n".utf8))
            throw ExitCode(error.exitCode)
        } catch {
            FileHandle.standardError.write(Data("lineguard dashboard: \(error)\n".utf8))
            throw ExitCode(2)
        }
        do {
            try await DashboardServer.run(
                databasePath: path, configuration: configuration, listen: listen, portFile: portFile, logger: logger)
        } catch let error as FaceError {
            FileHandle.standardError.write(Data("lineguard dashboard: \(error.message)\n".utf8))
            throw ExitCode(error.exitCode)
        } catch {
            FileHandle.standardError.write(Data("lineguard dashboard: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
