import Dispatch

/// A serial executor backed by its own `DispatchQueue`, so that an actor's blocking C calls run
/// on a dedicated thread and never occupy Swift's cooperative pool. (`DispatchSerialQueue`,
/// which would do this directly, does not exist on Linux.)
final class DispatchQueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
