import Foundation
import Logging

/// The control socket is for the daemon's own group only: mode 0660, group `lineguard` (when
/// that group exists; otherwise the daemon's own group, logged).
enum ControlSocketPermissions {
    static func restrict(_ path: String, group: String, logger: Logger) {
        if chmod(path, 0o660) != 0 {
            logger.error("cannot set the control socket's mode", metadata: ["path": "\(path)", "errno": "\(errno)"])
        }
        if let entry = getgrnam(group) {
            if chown(path, uid_t.max, entry.pointee.gr_gid) != 0 {
                logger.warning("cannot give the control socket to its group", metadata: ["group": "\(group)", "errno": "\(errno)"])
            }
        } else {
            logger.notice("control socket group does not exist; socket left in the daemon's group", metadata: ["group": "\(group)"])
        }
        logger.info("control API listening", metadata: ["path": "\(path)"])
    }
}
