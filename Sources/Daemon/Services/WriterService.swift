import ServiceLifecycle

/// Runs the record writer as a service: on graceful shutdown (after the pollers have stopped:
/// services stop in reverse order) the queue is closed, drained and committed.
struct WriterService: Service {
    let writer: RecordWriter

    func run() async throws {
        await withGracefulShutdownHandler {
            await writer.run()
        } onGracefulShutdown: { [queue = writer.queue] in
            queue.finish()
        }
    }
}
