import ArgumentParser
import Daemon
import Foundation

/// Options of every command that changes state through the daemon's control API.
struct ControlOptions: ParsableArguments {
    @Option(name: .long, help: "The daemon's control socket (default: $LINEGUARD_SOCKET or /run/lineguard/control.sock).")
    var socket: String?

    @Option(name: .long, help: "Who does this, for the audit log (default: your login name).")
    var actor: String?

    var resolvedActor: String {
        if let actor, !actor.isEmpty { return actor }
        let environment = ProcessInfo.processInfo.environment
        for key in ["SUDO_USER", "USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        return "uid:\(getuid())"
    }

    var socketPath: String {
        socket ?? ProcessInfo.processInfo.environment["LINEGUARD_SOCKET"] ?? "/run/lineguard/control.sock"
    }

    /// Sends the request (with the actor added to its body) and prints the daemon's answer.
    /// Exit status: 0 done, 1 daemon not reachable, 3 refused (unknown lot, illegal transition,
    /// bad value), 4 the daemon failed.
    func send(_ method: String, _ requestPath: String, _ body: [String: String?] = [:]) throws {
        var json = body
        json["actor"] = resolvedActor
        let reply: ControlClient.Reply
        do {
            reply = try ControlClient(socketPath: socketPath).send(method, requestPath, json: json)
        } catch {
            printError("lineguard: \(error)")
            throw ExitCode(1)
        }
        switch reply.status {
        case 200..<300:
            print(reply.message)
        case 400..<500:
            printError("lineguard: refused: \(reply.message)")
            throw ExitCode(3)
        default:
            printError("lineguard: the daemon failed: \(reply.message)")
            throw ExitCode(4)
        }
    }
}

/// A lot id as a URL path segment.
func lotPath(_ lot: String) -> String {
    lot.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? lot
}
