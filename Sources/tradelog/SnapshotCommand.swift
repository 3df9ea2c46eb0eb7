import ArgumentParser
import Foundation
import SnapshotStore
import TradelogCore

/// `tradelog snapshot`: look into a snapshot directory without starting a sequencer.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "List, inspect and verify engine snapshots.",
    subcommands: [List.self, Inspect.self, Verify.self])

  /// A state hash as lowercase hex.
  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  static func openStore(_ directory: String) throws -> SnapshotStore {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw ValidationError("\(directory) is not a directory: give the sequencer's --snapshots directory.")
    }
    do {
      return try SnapshotStore(directory: directory)
    } catch {
      throw ValidationError(error.message)
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "One line per snapshot, newest first: command position, seq, size, state hash, valid?",
      discussion: "Each snapshot is read and checked completely, as a restarting sequencer would.")

    @Argument(help: ArgumentHelp("The snapshot directory.", valueName: "directory"))
    var directory: String

    func run() throws {
      let store = try SnapshotCommand.openStore(directory)
      print("position\tseq\tbytes\tstate hash\tvalid")
      for entry in try store.list() {
        do {
          let loaded = try store.load(entry)
          print(
            "\(entry.commandPosition)\t\(loaded.point.lastSeq)\t\(entry.byteCount)\t"
              + "\(SnapshotCommand.hex(loaded.header.stateHash))\tyes")
        } catch {
          print("\(entry.commandPosition)\t-\t\(entry.byteCount)\t-\tno (\(error.kind))")
        }
      }
    }
  }

  struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The header and engine statistics of one snapshot file.")

    @Argument(help: ArgumentHelp("A snapshot file.", valueName: "file"))
    var file: String

    func run() throws {
      let loaded: LoadedSnapshot
      do {
        let bytes = Array(try Data(contentsOf: URL(filePath: file)))
        loaded = try SnapshotFile.decode(bytes, file: file)
      } catch let error as SnapshotStoreError {
        throw ValidationError(error.message)
      } catch {
        throw ValidationError("cannot read \(file): \(error.localizedDescription)")
      }
      print(Self.render(loaded), terminator: "")
    }

    static func render(_ loaded: LoadedSnapshot) -> String {
      let header = loaded.header
      let statistics = loaded.engine.statistics
      return [
        "format version:    \(SnapshotHeader.formatVersion)",
        "command position:  \(header.point.commandPosition)",
        "last seq:          \(header.point.lastSeq)",
        "chain hash:        \(header.point.chainHash.isEmpty ? "-" : SnapshotCommand.hex(header.point.chainHash))",
        "state hash:        \(SnapshotCommand.hex(header.stateHash))",
        "state bytes:       \(header.bodyByteCount)",
        "checksum:          \(SnapshotCommand.hex(header.checksum)) (valid)",
        "markets:           \(loaded.engine.markets.count)",
        "accounts:          \(statistics.accounts)",
        "balances:          \(statistics.balances)",
        "open orders:       \(statistics.openOrders)",
        "recent orders:     \(statistics.recentOrders)",
        "transfer ids:      \(statistics.transferIds)",
      ].joined(separator: "\n") + "\n"
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Decode every snapshot and check its checksum and state hash.",
      discussion: "Exit status 1 if any snapshot is bad; each bad one is named with the reason.")

    @Argument(help: ArgumentHelp("The snapshot directory.", valueName: "directory"))
    var directory: String

    func run() throws {
      let store = try SnapshotCommand.openStore(directory)
      let entries = try store.list()
      var badCount = 0
      for entry in entries {
        do {
          let loaded = try store.load(entry)
          print("ok   \(entry.fileName) (position \(entry.commandPosition), seq \(loaded.point.lastSeq))")
        } catch {
          badCount += 1
          print("BAD  \(entry.fileName): \(error.message)")
        }
      }
      print("\(entries.count - badCount) of \(entries.count) snapshots valid")
      if badCount > 0 { throw ExitCode.failure }
    }
  }
}
