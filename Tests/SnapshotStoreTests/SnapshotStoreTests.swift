import AcceleratedSHA256
import Foundation
import LZ4Frame
import SnapshotStore
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport

/// The snapshot directory on a real file system, read back by this code and by the `lz4` tool.
@Suite struct SnapshotStoreTests {
  /// An engine with markets, balances and resting orders from a seeded workload.
  static func engine(seed: UInt64, commands: Int) -> Engine {
    var engine = Engine()
    var buffer = EventBuffer(capacity: 64)
    var workload = Workload(seed: seed)
    for position in 0..<commands {
      engine.apply(workload.next()!, timestamp: Int64(position), into: &buffer)
    }
    return engine
  }

  static func point(_ position: Int64) -> SnapshotPoint {
    SnapshotPoint(
      commandPosition: position, lastSeq: UInt64(position), chainHash: SHA256.hash([UInt8(position & 0xff)]))
  }

  static func directoryContents(_ directory: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  /// Snapshots are checked with the state hash on the CPU's SHA instructions: the same digest as
  /// the portable one, and that of the body the header's checksum covers.
  @Test func theAcceleratedStateHashIsTheStateHash() {
    let engine = Self.engine(seed: 5, commands: 3_000)
    let hash = engine.acceleratedStateHash()
    #expect(hash == engine.stateHash())
    #expect(hash == SHA256.hash(engine.encodeSnapshotBody()))
  }

  @Test func roundTripRestoresTheEngineAndThePoint() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path)
    let engine = Self.engine(seed: 1, commands: 3_000)
    let header = try store.write(point: Self.point(3_000), body: engine.encodeSnapshotBody())
    #expect(header.stateHash == engine.stateHash())
    let entries = try store.list()
    try #require(entries.count == 1)
    #expect(entries[0].fileName == "snapshot-00000000000000003000.lz4")
    let loaded = try store.load(entries[0])
    #expect(loaded.point == Self.point(3_000))
    #expect(loaded.header == header)
    #expect(loaded.engine.stateHash() == engine.stateHash())
    #expect(loaded.engine.openOrders == engine.openOrders)
  }

  @Test func theLZ4ToolReadsASnapshotFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path)
    let body = Self.engine(seed: 2, commands: 2_000).encodeSnapshotBody()
    try store.write(point: Self.point(2_000), body: body)
    let result = try Subprocess.run("lz4", ["-d", "-c", try store.list()[0].path])
    #expect(result.status == 0, "\(result.standardError)")
    let content = [UInt8](result.standardOutput)
    #expect(content.count == SnapshotHeader.byteCount + body.count)
    #expect(Array(content.prefix(8)) == Array("TLOGSNAP".utf8))
    #expect(Array(content.suffix(body.count)) == body)
  }

  @Test func aFlippedByteAnywhereIsDetected() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path)
    try store.write(point: Self.point(500), body: Self.engine(seed: 3, commands: 500).encodeSnapshotBody())
    let entry = try store.list()[0]
    let original = [UInt8](try Data(contentsOf: URL(filePath: entry.path)))
    // The frame header, the first block's start, its middle, and the content checksum at the end.
    for offset in [4, 12, original.count / 2, original.count - 2] {
      var damaged = original
      damaged[offset] ^= 0x40
      try Data(damaged).write(to: URL(filePath: entry.path))
      #expect(throws: SnapshotStoreError.self, "a flipped byte at \(offset) went unnoticed") {
        try store.load(entry)
      }
    }
  }

  @Test func damagedContentInAValidFrameFailsTheChecksum() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path)
    try store.write(point: Self.point(400), body: Self.engine(seed: 4, commands: 400).encodeSnapshotBody())
    let entry = try store.list()[0]
    var content = try LZ4FrameDecoder.decompress(
      [UInt8](try Data(contentsOf: URL(filePath: entry.path))), maximumOutputSize: 1 << 30)
    content[SnapshotHeader.byteCount + 40] ^= 0x01
    try Data(try LZ4FrameEncoder.compress(content)).write(to: URL(filePath: entry.path))
    let error = try #require(throws: SnapshotStoreError.self) { try store.load(entry) }
    #expect(error.kind == .checksumMismatch)
    #expect(error.message.contains(entry.path))
  }

  @Test func aTruncatedFileIsDetected() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path)
    try store.write(point: Self.point(300), body: Self.engine(seed: 5, commands: 300).encodeSnapshotBody())
    let entry = try store.list()[0]
    let original = [UInt8](try Data(contentsOf: URL(filePath: entry.path)))
    try Data(original.prefix(original.count / 2)).write(to: URL(filePath: entry.path))
    let error = try #require(throws: SnapshotStoreError.self) { try store.load(entry) }
    #expect(error.kind == .truncated)
  }

  @Test func theNewestValidSnapshotIsLoadedAndDamagedOnesAreNamed() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path, keepCount: 5)
    let older = Self.engine(seed: 6, commands: 200)
    try store.write(point: Self.point(200), body: older.encodeSnapshotBody())
    try store.write(point: Self.point(400), body: Self.engine(seed: 6, commands: 400).encodeSnapshotBody())
    let newest = try store.list()[0]
    try Data([0x04, 0x22, 0x4D, 0x18, 0x00]).write(to: URL(filePath: newest.path))
    var warnings: [SnapshotStoreError] = []
    let loaded = try #require(try store.loadNewestValid(warn: { warnings.append($0) }))
    #expect(loaded.point.commandPosition == 200)
    #expect(loaded.engine.stateHash() == older.stateHash())
    #expect(warnings.count == 1)
    #expect(warnings.first?.message.contains(newest.fileName) == true)
  }

  @Test func aSnapshotTheCallerCannotUseIsSkipped() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path)
    try store.write(point: Self.point(100), body: Self.engine(seed: 7, commands: 100).encodeSnapshotBody())
    var warnings: [SnapshotStoreError] = []
    let loaded = try store.loadNewestValid(
      isUsable: { $0.point.lastSeq > 50 ? "it is ahead of the events log" : nil },
      warn: { warnings.append($0) })
    #expect(loaded == nil)
    #expect(warnings.map(\.kind) == [.inconsistentHeader])
  }

  @Test func noSnapshotsMeansNone() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.file("not-yet-created").path)
    #expect(try store.loadNewestValid(warn: { Issue.record("unexpected warning \($0)") }) == nil)
  }

  @Test func onlyTheNewestKeepCountAreKept() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path, keepCount: 2)
    let body = Self.engine(seed: 8, commands: 100).encodeSnapshotBody()
    for position in [10, 30, 20, 50, 40] as [Int64] {
      try store.write(point: Self.point(position), body: body)
    }
    #expect(try store.list().map(\.commandPosition) == [50, 40])
  }

  @Test func writesLeaveNoTemporaryFilesAndAbandonedOnesAreRemoved() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SnapshotStore(directory: directory.path, keepCount: 3)
    let body = Self.engine(seed: 9, commands: 100).encodeSnapshotBody()
    for position in 1...4 as ClosedRange<Int64> {
      try store.write(point: Self.point(position), body: body)
    }
    #expect(
      try Self.directoryContents(directory) == [
        "snapshot-00000000000000000002.lz4", "snapshot-00000000000000000003.lz4",
        "snapshot-00000000000000000004.lz4",
      ])
    let abandoned = directory.file(".snapshot-00000000000000000009.lz4.12345.tmp")
    try Data([1, 2, 3]).write(to: abandoned)
    try store.removeAbandonedTemporaryFiles()
    #expect(!FileManager.default.fileExists(atPath: abandoned.path))
    #expect(try Self.directoryContents(directory).count == 3)
  }
}
