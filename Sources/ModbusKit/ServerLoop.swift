import CModbus
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The server thread: a poll(2) loop over the wake pipe, the listening socket and the clients,
/// answering each request through libmodbus (or a fault).
///
/// `@unchecked Sendable`: `ModbusServer.start()` creates it and hands it to exactly one dispatch
/// block without keeping a reference; from then on only the loop thread touches its context,
/// sockets and client table. Shared data (map, faults, counters) is reached through `core`'s lock.
final class ServerLoop: @unchecked Sendable {
    private let core: ServerCore
    private let listenFD: Int32
    private let wakeFD: Int32
    private let unit: UInt8?
    private let logger: Logger
    /// A TCP context used only to frame requests and replies on whichever client socket is set.
    private var context: OpaquePointer?
    private var clients: [Int32: Deferred?] = [:]
    private var query = [UInt8](repeating: 0, count: 260)

    /// A reply held back by a `.delay` fault; the client is not read until it is sent.
    struct Deferred {
        var query: [UInt8]
        var due: ContinuousClock.Instant
    }

    init(core: ServerCore, listenFD: Int32, wakeFD: Int32, unit: UInt8?, logger: Logger) {
        self.core = core
        self.listenFD = listenFD
        self.wakeFD = wakeFD
        self.unit = unit
        self.logger = logger
    }

    /// Runs until the wake pipe becomes readable, then closes every socket it owns.
    func run() {
        context = modbus_new_tcp("127.0.0.1", 502)
        if let context { modbus_set_byte_timeout(context, 0, 500_000) }
        defer {
            for fd in clients.keys { lg_close_fd(fd) }
            clients.removeAll()
            core.state.withLock { $0.statistics.openConnections = 0 }
            lg_close_fd(listenFD)
            lg_close_fd(wakeFD)
            if let context { modbus_free(context) }
            context = nil
        }
        while true {
            var fds = [pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0), pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)]
            var earliest: ContinuousClock.Instant?
            for (fd, deferred) in clients {
                if let deferred {
                    earliest = min(earliest ?? deferred.due, deferred.due)
                } else {
                    fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                }
            }
            var timeout: Int32 = -1
            if let earliest {
                let wait = earliest - ContinuousClock.now
                timeout = wait <= .zero ? 0 : Int32(clamping: wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000 + 1)
            }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                logger.error("modbus server poll failed", metadata: ["errno": "\(errno)"])
                return
            }
            if fds[0].revents != 0 { return }
            sendDueReplies()
            if fds[1].revents & Int16(POLLIN) != 0 { accept() }
            for entry in fds.dropFirst(2) where entry.revents != 0 {
                serve(entry.fd)
            }
        }
    }

    private func accept() {
        let fd = Glibc.accept(listenFD, nil, nil)
        guard fd >= 0 else { return }
        let refused = core.state.withLock { state -> Bool in
            if let limit = state.maxConnections, clients.count >= limit {
                state.statistics.connectionsRefused += 1
                return true
            }
            state.statistics.connectionsAccepted += 1
            state.statistics.openConnections = clients.count + 1
            return false
        }
        if refused {
            lg_close_fd(fd)
            return
        }
        _ = lg_set_nodelay(fd)
        clients[fd] = .some(nil)
    }

    private func drop(_ fd: Int32) {
        lg_close_fd(fd)
        clients[fd] = nil
        let open = clients.count
        core.state.withLock { $0.statistics.openConnections = open }
    }

    private func serve(_ fd: Int32) {
        guard let context else { return }
        modbus_set_socket(context, fd)
        let length = query.withUnsafeMutableBufferPointer { modbus_receive(context, $0.baseAddress) }
        if length < 0 {
            drop(fd)
            return
        }
        guard length >= 8 else { return }
        let request = Array(query[0..<Int(length)])
        handle(request, on: fd)
    }

    private func handle(_ request: [UInt8], on fd: Int32) {
        let header = ServerRequestHeader(request)
        let action = core.state.withLock { state -> FaultAction? in
            state.statistics.requests += 1
            var action = state.faults.take(unit: header.unit, kind: header.kind, addresses: header.addresses)
            if action == nil, let unit, header.unit != unit { action = .exception(11) }
            if action != nil { state.statistics.faultsInjected += 1 }
            return action
        }
        guard let action else {
            reply(request, on: fd)
            return
        }
        switch action {
        case .exception(let code):
            send(on: fd) { modbus_reply_exception($0, request, UInt32(code)) }
        case .delay(let duration):
            clients[fd] = .some(Deferred(query: request, due: ContinuousClock.now + duration))
        case .badTransactionID:
            var altered = request
            altered[1] = altered[1] &+ 1
            reply(altered, on: fd, original: request)
        case .dropConnection:
            drop(fd)
        case .noReply:
            break
        case .garbage:
            // Right transaction id, wrong protocol id: the client rejects the frame.
            raw([request[0], request[1], 0x12, 0x34, 0x00, 0x03, request[6], request[7], 0x00], on: fd)
        case .truncated:
            // A header announcing 32 bytes, then only the function code.
            raw([request[0], request[1], 0x00, 0x00, 0x00, 0x20, request[6], request[7]], on: fd)
        }
    }

    private func sendDueReplies() {
        let now = ContinuousClock.now
        for (fd, deferred) in clients {
            guard let deferred, deferred.due <= now else { continue }
            clients[fd] = .some(nil)
            reply(deferred.query, on: fd)
        }
    }

    /// Answers from the map (under the lock), then reports writes outside it.
    private func reply(_ request: [UInt8], on fd: Int32, original: [UInt8]? = nil) {
        guard let context else { return }
        modbus_set_socket(context, fd)
        let header = ServerRequestHeader(original ?? request)
        let (result, event, handler) = core.state.withLock {
            state -> (Int32, ModbusWriteEvent?, (@Sendable (ModbusWriteEvent) -> Void)?) in
            let result = request.withUnsafeBufferPointer {
                modbus_reply(context, $0.baseAddress, Int32(request.count), state.mapping)
            }
            guard result >= 0, let written = header.writtenRange(sizes: state.bank) else { return (result, nil, nil) }
            state.statistics.writes += 1
            let values = state.bank.values(written.kind, at: written.address, count: written.count)
            return (result, ModbusWriteEvent(unit: header.unit, kind: written.kind, address: written.address, values: values), state.writeHandler)
        }
        if result < 0 {
            drop(fd)
            return
        }
        if let event, let handler { handler(event) }
    }

    private func send(on fd: Int32, _ body: (OpaquePointer) -> Int32) {
        guard let context else { return }
        modbus_set_socket(context, fd)
        if body(context) < 0 { drop(fd) }
    }

    private func raw(_ bytes: [UInt8], on fd: Int32) {
        let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if sent < 0 { drop(fd) }
    }
}
