import Charts
public import Hummingbird

/// The dashboard: server-rendered HTML with inline SVG charts, no external assets, refreshing
/// itself. `GET /` the line overview (a tile per station: green, amber for open signals, red for
/// held lots or a device down), `GET /held` the held lots, `GET /characteristic/ID` a
/// characteristic's live control chart, `GET /chart/ID.svg` the chart alone. Read-only: it
/// opens the record read-only per request, so it works with or without the daemon.
public enum DashboardRoutes {
    /// - Parameters:
    ///   - configuration: the daemon's configuration, for the line name, the station order and
    ///     which devices belong to which station (nil: taken from the record alone).
    public static func router(
        databasePath: String, configuration: DaemonConfiguration?, refreshSeconds: Int = 5
    ) -> Router<BasicRequestContext> {
        router(databasePath: databasePath, configuration: { configuration }, refreshSeconds: refreshSeconds)
    }

    /// The same, asking `configuration` on every page, so that a reloaded configuration (new
    /// stations, devices moved) shows at once.
    public static func router(
        databasePath: String, configuration: @escaping @Sendable () -> DaemonConfiguration?, refreshSeconds: Int = 5
    ) -> Router<BasicRequestContext> {
        let pages = DashboardPages(databasePath: databasePath, configuration: configuration, refreshSeconds: refreshSeconds)
        let router = Router()
        router.get("/") { _, _ in render(pages) { () throws(FaceError) in try pages.overview() } }
        router.get("/held") { _, _ in render(pages) { () throws(FaceError) in try pages.held() } }
        router.get("/characteristic/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            return render(pages) { () throws(FaceError) in try pages.characteristic(id) }
        }
        router.get("/chart/:file") { _, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".svg") else { return reply(.notFound, "text/plain; charset=utf-8", "not found\n") }
            do throws(FaceError) {
                let store = try FaceStore(databasePath: databasePath)
                let picture = try store.chartPicture(String(file.dropLast(4)), window: SampleWindow(limit: pages.chartPoints))
                return reply(.ok, "image/svg+xml", ControlChartRenderer().render(picture))
            } catch {
                return reply(status(of: error), "text/plain; charset=utf-8", error.message + "\n")
            }
        }
        router.get("/healthz") { _, _ in reply(.ok, "text/plain; charset=utf-8", "ok\n") }
        return router
    }

    private static func render(_ pages: DashboardPages, _ body: () throws(FaceError) -> String) -> Response {
        do throws(FaceError) {
            return reply(.ok, "text/html; charset=utf-8", try body())
        } catch {
            return reply(status(of: error), "text/html; charset=utf-8", pages.failure(error))
        }
    }

    private static func status(of error: FaceError) -> HTTPResponse.Status {
        switch error.kind {
        case .notFound: .notFound
        case .badArgument: .badRequest
        case .cannotRead: .serviceUnavailable
        }
    }

    private static func reply(_ status: HTTPResponse.Status, _ type: String, _ text: String) -> Response {
        Response(
            status: status,
            headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
