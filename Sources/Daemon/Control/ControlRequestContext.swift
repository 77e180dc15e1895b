import Hummingbird
import NIOCore

/// The request context of the control API: Hummingbird's basic context plus the connection's
/// channel, from which `PeerCredentials` reads who connected.
struct ControlRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The accepted Unix-socket connection this request came on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
