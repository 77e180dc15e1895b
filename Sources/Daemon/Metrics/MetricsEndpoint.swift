import Hummingbird

/// The Prometheus scrape endpoint: `GET /metrics` in the text exposition format. The text
/// comes from the executable, which owns the metrics backend.
enum MetricsEndpoint {
    static func router(render: @escaping @Sendable () -> String) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: render())))
        }
        return router
    }
}
