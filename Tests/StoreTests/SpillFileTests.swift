import Foundation
import Glibc
import LineModel
import Testing
@testable import Store

/// The spill file format: framing, reopening, torn tails, a full spill, resets and headers.
@Suite struct SpillFileTests {
    static let capacity = SpillLayout.minimumCapacity

    static func event(_ index: Int, detail: String = "frame") -> SpillRecord {
        .dataQuality(DataQualityEvent(kind: .deviceDown, device: "filler-plc", detail: "\(detail) \(index)", time: Fixtures.time(Double(1_000 + index))))
    }

    static func spillPath(_ database: TemporaryDatabase) -> String { Spill.path(forDatabase: database.path) }

    /// The file's allocated blocks, in bytes.
    static func allocatedBytes(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_blocks) * 512 : -1
    }

    @Test func appendedRecordsComeBackInOrderAfterReopening() async throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        let records = (0..<5).map { Self.event($0) }
        do {
            let spill = try Spill(path: path, capacity: Self.capacity)
            try await spill.append(Array(records.prefix(2)))
            try await spill.append(Array(records.dropFirst(2)))
            let status = await spill.status
            #expect(status.entries == 5)
            #expect(status.usedBytes % SpillLayout.frameAlignment == 0 && status.usedBytes > 0)
            #expect(status.capacityBytes == Self.capacity - SpillLayout.headerRegion)
            await spill.close()
        }
        let reopened = try Spill(path: path, capacity: Self.capacity)
        #expect(try await reopened.contents() == SpillContents(records: records, undecodable: 0))
        #expect(try Spill.status(ofSpillAt: path)?.entries == 5)
    }

    @Test func theFileIsAllocatedToItsCapacityWhenOpened() throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        _ = try Spill(path: path, capacity: 256 * 1024)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.size] as? Int == 256 * 1024)
        #expect(Self.allocatedBytes(path) >= 256 * 1024, "posix_fallocate reserved the blocks")
    }

    @Test func aTornLastEntryIsIgnoredAndOverwrittenByTheNextAppend() async throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        let spill = try Spill(path: path, capacity: Self.capacity)
        try await spill.append([Self.event(0), Self.event(1)])
        let whole = await spill.status.usedBytes
        try await spill.append([Self.event(2)])
        await spill.close()
        // A kill during the third append: its frame is only partly on disk.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(SpillLayout.headerRegion + whole + SpillLayout.frameHeaderSize + 3))
        try handle.write(contentsOf: [UInt8](repeating: 0, count: 16))
        try handle.close()

        let reopened = try Spill(path: path, capacity: Self.capacity)
        #expect(try await reopened.contents().records == [Self.event(0), Self.event(1)], "nothing half-written is replayed")
        #expect(await reopened.status.usedBytes == whole)
        try await reopened.append([Self.event(3)])
        await reopened.close()
        let again = try Spill(path: path, capacity: Self.capacity)
        #expect(try await again.contents().records == [Self.event(0), Self.event(1), Self.event(3)])
    }

    @Test func aFlippedByteInAnEntryEndsTheSpillThere() async throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        let spill = try Spill(path: path, capacity: Self.capacity)
        try await spill.append([Self.event(0)])
        let first = await spill.status.usedBytes
        try await spill.append([Self.event(1), Self.event(2)])
        await spill.close()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let offset = UInt64(SpillLayout.headerRegion + first + SpillLayout.frameHeaderSize + 10)
        try handle.seek(toOffset: offset)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: [byte ^ 0x01])
        try handle.close()
        #expect(try await Spill(path: path, capacity: Self.capacity).contents().records == [Self.event(0)])
    }

    @Test func aFullSpillRefusesTheWholeAppendAndKeepsWhatItHas() async throws {
        let database = try TemporaryDatabase()
        let spill = try Spill(path: Self.spillPath(database), capacity: Self.capacity)
        let big = String(repeating: "x", count: 1_000)
        var appended = 0
        while true {
            do {
                try await spill.append([Self.event(appended, detail: big)])
                appended += 1
            } catch {
                #expect(error.kind == .full)
                break
            }
        }
        let status = await spill.status
        #expect(appended > 40 && status.entries == appended)
        #expect(status.capacityBytes - status.usedBytes < 1_100, "it filled up before refusing")
        // Two small records that would still fit alone are refused together when they do not.
        let free = status.capacityBytes - status.usedBytes
        let small = SpillLayout.frameSize(length: Self.event(0).encoded().count)
        if free >= small {
            let many = (0..<(free / small + 1)).map { Self.event(10_000 + $0) }
            await #expect(throws: SpillError.self) { try await spill.append(many) }
        }
        #expect(try await spill.contents().records.count == appended)
        try await spill.reset()
        try await spill.append([Self.event(0, detail: big)])
        #expect(await spill.status.entries == 1, "room again after a reset")
    }

    @Test func aResetEmptiesTheSpillAndKeepsItsBlocks() async throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        let spill = try Spill(path: path, capacity: Self.capacity)
        try await spill.append((0..<20).map { Self.event($0) })
        let blocks = Self.allocatedBytes(path)
        try await spill.reset()
        #expect(await spill.status.entries == 0)
        #expect(try await spill.contents().records.isEmpty)
        #expect(Self.allocatedBytes(path) == blocks, "the reset gives no blocks back")
        // Entries of the old generation are not read back, even those beyond the new end.
        try await spill.append([Self.event(100)])
        await spill.close()
        #expect(try await Spill(path: path, capacity: Self.capacity).contents().records == [Self.event(100)])
        #expect(try Spill.status(ofSpillAt: path)?.entries == 1)
    }

    @Test func aHeaderTornDuringAResetBringsBackTheEntriesBeforeIt() async throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        do {
            let spill = try Spill(path: path, capacity: Self.capacity)  // generation 1, slot 1
            try await spill.append([Self.event(1)])
            try await spill.reset()  // generation 2, slot 0
            try await spill.append([Self.event(2)])
            try await spill.reset()  // generation 3, slot 1
            await spill.close()
        }
        // A power cut while generation 3's header was written: generation 2's slot is current
        // again, and its entries come back (a replay finds them committed and skips them).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(SpillLayout.headerSlots[1] + 20))
        try handle.write(contentsOf: [0xFF, 0xFF])
        try handle.close()
        let reopened = try Spill(path: path, capacity: Self.capacity)
        #expect(try await reopened.contents().records == [Self.event(2)])
        try await reopened.reset()
        try await reopened.append([Self.event(4)])
        await reopened.close()
        #expect(try await Spill(path: path, capacity: Self.capacity).contents().records == [Self.event(4)])
    }

    @Test func bothHeadersTornKeepTheEntriesOfTheFirstFrame() async throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        do {
            let spill = try Spill(path: path, capacity: Self.capacity)
            try await spill.append([Self.event(1), Self.event(2)])
            await spill.close()
        }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        for slot in SpillLayout.headerSlots {
            try handle.seek(toOffset: UInt64(slot + SpillLayout.headerSize - 2))
            try handle.write(contentsOf: [0x5A, 0x5A])
        }
        try handle.close()
        #expect(try await Spill(path: path, capacity: Self.capacity).contents().records == [Self.event(1), Self.event(2)])
    }

    @Test func aFileThatIsNotASpillIsRefused() throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        try Data(repeating: 0x41, count: 8_192).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SpillError.self) { try Spill(path: path, capacity: Self.capacity) }
        #expect(error?.kind == .notASpill)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 8_192), "left as it was")
    }

    @Test func aCapacityBelowTheMinimumIsRefusedAndNoFileIsLeft() throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        let error = #expect(throws: SpillError.self) { try Spill(path: path, capacity: 4_096) }
        #expect(error?.kind == .invalidArgument)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try Spill.status(ofSpillAt: path) == nil)
    }

    @Test func aLargerFileOfAnEarlierRunKeepsItsEntriesAndShrinksAtTheReset() async throws {
        let database = try TemporaryDatabase()
        let path = Self.spillPath(database)
        do {
            let spill = try Spill(path: path, capacity: 2 * Self.capacity)
            try await spill.append([Self.event(1)])
            await spill.close()
        }
        let spill = try Spill(path: path, capacity: Self.capacity)
        #expect(try await spill.contents().records == [Self.event(1)])
        #expect(await spill.status.capacityBytes == 2 * Self.capacity - SpillLayout.headerRegion)
        try await spill.reset()
        #expect(await spill.status.capacityBytes == Self.capacity - SpillLayout.headerRegion)
        #expect((try FileManager.default.attributesOfItem(atPath: path))[.size] as? Int == Self.capacity)
    }

    @Test func crcMatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        let split = CRC32.checksum(Array("6789".utf8), continuing: CRC32.checksum(Array("12345".utf8)))
        #expect(split == 0xCBF4_3926)
    }
}
