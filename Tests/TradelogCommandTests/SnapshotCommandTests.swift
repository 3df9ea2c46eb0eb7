import Foundation
import SnapshotStore
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport

/// `tradelog snapshot list|inspect|verify` on a real snapshot directory.
@Suite struct SnapshotCommandTests {
  /// Writes snapshots of a seeded workload's engine at positions 1,000, 2,000 and 3,000.
  static func writeSnapshots(to directory: String) throws -> [Engine] {
    let store = try SnapshotStore(directory: directory, keepCount: 5)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 64)
    var workload = Workload(seed: 41)
    var engines: [Engine] = []
    for position in 1...3_000 {
      engine.apply(workload.next()!, timestamp: Int64(position), into: &buffer)
      if position % 1_000 == 0 {
        let point = SnapshotPoint(
          commandPosition: Int64(position), lastSeq: UInt64(position),
          chainHash: SHA256.hash([UInt8(position / 1_000)]))
        try store.write(point: point, body: engine.encodeSnapshotBody())
        engines.append(engine)
      }
    }
    return engines
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  static func tradelog(_ arguments: [String]) throws -> ProcessResult {
    try Subprocess.run(try BuiltProducts.tradelog.path, arguments)
  }

  @Test func listShowsEverySnapshotNewestFirstWithItsValidity() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let engines = try Self.writeSnapshots(to: directory.path)
    let damaged = directory.file(SnapshotStore.fileName(commandPosition: 2_000))
    try Data([0x04, 0x22, 0x4D, 0x18]).write(to: damaged)
    let result = try Self.tradelog(["snapshot", "list", directory.path])
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.outputText.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    try #require(lines.count == 4)
    #expect(lines[1][0] == "3000" && lines[1][1] == "3000" && lines[1][3] == Self.hex(engines[2].stateHash()))
    #expect(lines[1][4] == "yes")
    #expect(lines[2][0] == "2000" && lines[2][4].hasPrefix("no"))
    #expect(lines[3][0] == "1000" && lines[3][4] == "yes")
  }

  @Test func inspectShowsTheHeaderAndTheEngine() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let engines = try Self.writeSnapshots(to: directory.path)
    let file = directory.file(SnapshotStore.fileName(commandPosition: 3_000)).path
    let result = try Self.tradelog(["snapshot", "inspect", file])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.outputText.contains("command position:  3000\n"))
    #expect(result.outputText.contains("state hash:        \(Self.hex(engines[2].stateHash()))\n"))
    #expect(result.outputText.contains("open orders:       \(engines[2].statistics.openOrders)\n"))
    #expect(result.outputText.contains("markets:           \(engines[2].markets.count)\n"))
  }

  @Test func verifyFailsOnADamagedSnapshotAndNamesIt() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    _ = try Self.writeSnapshots(to: directory.path)
    let healthy = try Self.tradelog(["snapshot", "verify", directory.path])
    #expect(healthy.status == 0, "\(healthy.outputText)")
    #expect(healthy.outputText.contains("3 of 3 snapshots valid"))
    let name = SnapshotStore.fileName(commandPosition: 1_000)
    var bytes = [UInt8](try Data(contentsOf: directory.file(name)))
    bytes[bytes.count - 3] ^= 0x10
    try Data(bytes).write(to: directory.file(name))
    let damaged = try Self.tradelog(["snapshot", "verify", directory.path])
    #expect(damaged.status == 1)
    #expect(damaged.outputText.contains("BAD  \(name)"))
    #expect(damaged.outputText.contains("2 of 3 snapshots valid"))
  }
}
