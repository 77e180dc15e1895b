import Simulator
import Testing

@Suite struct ResultLatchTests {
    static func record(_ sequence: UInt64) -> StationRecord {
        StationRecord(
            stationIndex: 0, station: "s", sequence: sequence, lineTime: Double(sequence), lot: "L", parentLot: nil, metre: nil,
            unit: "u\(sequence)", streamUnits: nil, values: [[Double(sequence)]])
    }

    @Test func withoutAcknowledgeEveryResultIsLatchedAtOnce() {
        var latch = ResultLatch(acknowledgeRequired: false, capacity: 4)
        for sequence in 1...5 as ClosedRange<UInt64> {
            latch.offer(Self.record(sequence))
            #expect(latch.latched?.sequence == sequence)
        }
        #expect(latch.lost == 0)
        let changed1 = latch.acknowledge(5)
        #expect(!changed1)
    }

    @Test func withAcknowledgeTheNextResultWaitsForTheEcho() {
        var latch = ResultLatch(acknowledgeRequired: true, capacity: 2)
        latch.offer(Self.record(1))
        latch.offer(Self.record(2))
        latch.offer(Self.record(3))
        #expect(latch.latched?.sequence == 1)
        #expect(!latch.acknowledged)
        let changed2 = latch.acknowledge(7)
        #expect(!changed2)
        #expect(latch.latched?.sequence == 1)
        let changed3 = latch.acknowledge(1)
        #expect(changed3)
        #expect(latch.latched?.sequence == 2)
        let changed4 = latch.acknowledge(1)
        #expect(!changed4, "an old echo does not advance twice")
        let changed5 = latch.acknowledge(2)
        #expect(changed5)
        #expect(latch.latched?.sequence == 3)
        let changed6 = latch.acknowledge(3)
        #expect(!changed6, "nothing waits: the result stays, acknowledged")
        #expect(latch.acknowledged)
        latch.offer(Self.record(4))
        #expect(latch.latched?.sequence == 4)
    }

    @Test func aFullQueueLosesTheOldestWaitingResults() {
        var latch = ResultLatch(acknowledgeRequired: true, capacity: 2)
        var lost = 0
        for sequence in 1...6 as ClosedRange<UInt64> { lost += latch.offer(Self.record(sequence)) }
        #expect(lost == 3)
        #expect(latch.lost == 3)
        #expect(latch.waiting == 2)
        let changed7 = latch.acknowledge(1)
        #expect(changed7)
        #expect(latch.latched?.sequence == 5)
    }

    @Test func theEchoComparesTheLow16Bits() {
        var latch = ResultLatch(acknowledgeRequired: true, capacity: 2)
        latch.offer(Self.record(65_537))
        latch.offer(Self.record(65_538))
        let changed8 = latch.acknowledge(1)
        #expect(changed8)
        #expect(latch.latched?.sequence == 65_538)
    }
}
