import Foundation
public import Hummingbird
public import Logging
import ModbusKit
import ServiceLifecycle
import UnixSignals

/// Serves the dashboard on its own (`lineguard dashboard`): from a database alone, with or
/// without a running daemon. The daemon mounts `DashboardRoutes` on its `dashboard_listen`.
public enum DashboardServer {
    /// The HTTP service. `listen` is `host:port` (port 0: any free port); once listening, the
    /// port is written to `portFile` when given.
    public static func application(
        databasePath: String, configuration: DaemonConfiguration?, listen: String, portFile: String?, logger: Logger
    ) throws(FaceError) -> some ApplicationProtocol {
        guard let address = ListenAddress.parse(listen) else {
            throw FaceError(.badArgument, "--listen '\(listen)' is not host:port (e.g. 127.0.0.1:8080, port 0 for any)")
        }
        return Application(
            router: DashboardRoutes.router(databasePath: databasePath, configuration: configuration),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "lineguard-dashboard"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? address.port
                logger.notice("dashboard listening", metadata: ["listen.host": "\(address.host)", "listen.port": "\(port)"])
                if let portFile { try? "\(port)\n".write(toFile: portFile, atomically: true, encoding: .utf8) }
            },
            logger: logger)
    }

    /// Runs the dashboard until SIGTERM or SIGINT.
    public static func run(
        databasePath: String, configuration: DaemonConfiguration?, listen: String, portFile: String?, logger: Logger
    ) async throws {
        let application = try application(
            databasePath: databasePath, configuration: configuration, listen: listen, portFile: portFile, logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
