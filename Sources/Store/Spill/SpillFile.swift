import Glibc

/// The spill file itself: a pre-allocated file of framed entries (see `SpillLayout`). It has
/// exactly one owner (the `Spill` actor, or a status reader); it is not `Sendable`. The
/// descriptor is nil after `close()`.
///
/// Appends and resets write only inside the allocated size, so that they need no new blocks
/// on a full disk, and each is made durable with `fdatasync` before it returns.
final class SpillFile {
    let path: String
    /// The configured size of the file, header region included.
    let capacity: Int
    /// The size of the file now: the capacity, or more when an earlier run configured more
    /// (it shrinks back at the next reset).
    private(set) var allocated: Int
    private(set) var generation: UInt64
    /// The offset just after the last valid frame: where the next append goes.
    private(set) var end: Int
    /// Valid frames of the current generation.
    private(set) var count: Int
    private(set) var descriptor: Int32?

    /// Opens the spill at `path` for writing, creating it if needed, and allocates `capacity`
    /// bytes (`posix_fallocate`). Existing entries are found by a scan; a torn last entry ends
    /// the scan and is overwritten by the next append.
    init(path: String, capacity: Int) throws(SpillError) {
        guard capacity >= SpillLayout.minimumCapacity else {
            throw SpillError(kind: .invalidArgument, operation: "open (capacity \(capacity) bytes)", path: path)
        }
        self.path = path
        self.capacity = capacity
        var created = false
        var fd = open(path, O_RDWR | O_CLOEXEC)
        if fd < 0, errno == ENOENT {
            fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
            created = fd >= 0
        }
        guard fd >= 0 else { throw SpillError.posix("open", path: path) }
        descriptor = fd
        allocated = 0
        generation = 0
        end = SpillLayout.headerRegion
        count = 0
        do throws(SpillError) {
            let size = try Self.size(of: fd, path: path)
            let header = try readHeader()
            let rc = posix_fallocate(fd, 0, off_t(capacity))
            if rc != 0 {
                // A spill that already exists keeps working at its size when it cannot grow.
                guard !created, size >= SpillLayout.minimumCapacity else { throw SpillError.posix("posix_fallocate", path: path, code: rc) }
            }
            allocated = max(size, rc == 0 ? capacity : size)
            if let header {
                generation = header.generation
            } else {
                try adoptOrStartGeneration(fileWasEmpty: size == 0)
            }
            try scan()
            if created { try Self.syncDirectory(of: path) }
        } catch {
            close()
            if created { unlink(path) }
            throw error
        }
    }

    /// Opens an existing spill read-only (for a status report); nothing is written.
    init(readingAt path: String) throws(SpillError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SpillError.posix("open", path: path) }
        descriptor = fd
        allocated = 0
        generation = 0
        end = SpillLayout.headerRegion
        count = 0
        capacity = 0
        do throws(SpillError) {
            allocated = try Self.size(of: fd, path: path)
            if let header = try readHeader() {
                generation = header.generation
            } else if let first = try frame(at: SpillLayout.headerRegion, generation: nil) {
                generation = first.generation
            }
            try scan()
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    func close() {
        if let descriptor { Glibc.close(descriptor) }
        descriptor = nil
    }

    /// Bytes taken by entries (frames after the header region).
    var usedBytes: Int { end - SpillLayout.headerRegion }

    /// Bytes still free for frames.
    var freeBytes: Int { max(0, allocated - end) }

    /// The payloads of the current generation's valid frames, in the order they were appended.
    func payloads() throws(SpillError) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var offset = SpillLayout.headerRegion
        while offset < end, let found = try frame(at: offset, generation: generation) {
            result.append(found.payload)
            offset += SpillLayout.frameSize(length: found.payload.count)
        }
        return result
    }

    /// Appends one frame per payload with one write and one `fdatasync`: when this returns,
    /// they are on disk. Throws `.full` (writing nothing) when they do not fit.
    func append(_ payloads: [[UInt8]]) throws(SpillError) {
        let fd = try handle()
        var bytes: [UInt8] = []
        for payload in payloads { bytes += SpillLayout.frame(payload: payload, generation: generation) }
        guard !bytes.isEmpty else { return }
        guard end + bytes.count <= allocated else {
            throw SpillError(kind: .full, operation: "append (\(bytes.count) bytes, \(freeBytes) free)", path: path)
        }
        try write(bytes, at: end, fd: fd)
        guard fdatasync(fd) == 0 else { throw SpillError.posix("fdatasync", path: path) }
        end += bytes.count
        count += payloads.count
    }

    /// Empties the spill: the next generation's header goes to its slot and is synced; the
    /// frames of the old generation no longer count. The blocks stay allocated (a file larger
    /// than the capacity shrinks to it).
    func reset() throws(SpillError) {
        let fd = try handle()
        let next = SpillLayout.Header(generation: generation &+ 1, capacity: UInt64(capacity))
        try write(next.encoded(), at: SpillLayout.headerSlots[Int(next.generation % 2)], fd: fd)
        guard fdatasync(fd) == 0 else { throw SpillError.posix("fdatasync", path: path) }
        generation = next.generation
        end = SpillLayout.headerRegion
        count = 0
        if capacity > 0, allocated > capacity, ftruncate(fd, off_t(capacity)) == 0 {
            allocated = capacity
            _ = fsync(fd)
        }
    }

    // MARK: - Reading and writing

    private func handle() throws(SpillError) -> Int32 {
        guard let descriptor else { throw SpillError(kind: .closed, operation: "use", path: path) }
        return descriptor
    }

    private static func size(of fd: Int32, path: String) throws(SpillError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SpillError.posix("fstat", path: path) }
        return Int(info.st_size)
    }

    /// The current header: the valid slot with the highest generation; nil when neither is
    /// valid. Throws `.notASpill` for a file that holds something else.
    private func readHeader() throws(SpillError) -> SpillLayout.Header? {
        var best: SpillLayout.Header?
        var foreign = 0
        for slot in SpillLayout.headerSlots {
            let bytes = try read(count: SpillLayout.headerSize, at: slot)
            if let header = SpillLayout.Header(decoding: bytes[...]) {
                if header.generation >= best?.generation ?? 0 { best = header }
            } else if bytes.count == SpillLayout.headerSize, !bytes.starts(with: SpillLayout.magic.prefix(4)),
                bytes.contains(where: { $0 != 0 })
            {
                foreign += 1
            }
        }
        if best == nil, foreign == SpillLayout.headerSlots.count {
            throw SpillError(kind: .notASpill, operation: "open", path: path)
        }
        return best
    }

    /// With no valid header (a new file, or both slots torn): the generation of a valid first
    /// frame if there is one (its entries are kept), else a new one unlike any before (the
    /// clock's nanoseconds), written to its slot.
    private func adoptOrStartGeneration(fileWasEmpty: Bool) throws(SpillError) {
        if !fileWasEmpty, let first = try frame(at: SpillLayout.headerRegion, generation: nil) {
            generation = first.generation
        } else {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            generation = fileWasEmpty ? 1 : UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
        }
        let fd = try handle()
        let header = SpillLayout.Header(generation: generation, capacity: UInt64(capacity))
        try write(header.encoded(), at: SpillLayout.headerSlots[Int(generation % 2)], fd: fd)
        guard fdatasync(fd) == 0 else { throw SpillError.posix("fdatasync", path: path) }
    }

    /// Finds the end of the valid frames of the current generation.
    private func scan() throws(SpillError) {
        var offset = SpillLayout.headerRegion
        var frames = 0
        while let found = try frame(at: offset, generation: generation) {
            offset += SpillLayout.frameSize(length: found.payload.count)
            frames += 1
        }
        end = offset
        count = frames
    }

    /// The frame at `offset` if it is whole, of `generation` (any, when nil) and its checksum
    /// is right; nil otherwise.
    private func frame(at offset: Int, generation: UInt64?) throws(SpillError) -> (generation: UInt64, payload: ArraySlice<UInt8>)? {
        guard offset + SpillLayout.frameHeaderSize <= allocated else { return nil }
        let header = try read(count: SpillLayout.frameHeaderSize, at: offset)
        guard let announced = SpillLayout.frameHeader(header[...]),
            generation == nil || announced.generation == generation,
            offset + SpillLayout.frameSize(length: announced.length) <= allocated
        else { return nil }
        let payload = try read(count: announced.length, at: offset + SpillLayout.frameHeaderSize)[...]
        guard payload.count == announced.length,
            SpillLayout.checksum(payload: payload, length: announced.length, generation: announced.generation)
                == announced.checksum
        else { return nil }
        return (announced.generation, payload)
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    private func read(count: Int, at offset: Int) throws(SpillError) -> [UInt8] {
        let fd = try handle()
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw SpillError.posix("pread", path: path) }
            if n == 0 { break }
            done += n
        }
        return Array(bytes.prefix(done))
    }

    private func write(_ bytes: [UInt8], at offset: Int, fd: Int32) throws(SpillError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                pwrite(fd, buffer.baseAddress! + done, bytes.count - done, off_t(offset + done))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw SpillError.posix("pwrite", path: path) }
            done += n
        }
    }

    /// Makes the new file's directory entry durable.
    private static func syncDirectory(of path: String) throws(SpillError) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SpillError.posix("open", path: directory) }
        defer { Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw SpillError.posix("fsync", path: directory) }
    }
}
