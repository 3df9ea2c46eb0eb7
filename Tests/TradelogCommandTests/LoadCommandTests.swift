import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// `tradelog load` as a user runs it: the built binary, then the log read back.
@Suite struct LoadCommandTests {
  @Test func theSameSeedAppendsTheSameBytesWhateverTheBatching() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let logs = ["a", "b", "c"].map { directory.file("\($0).db").path }

    let runs = try [
      ["--seed", "9"],
      ["--seed", "9", "--batch-size", "7", "--sqlite-synchronous", "off"],
      ["--seed", "10"],
    ].enumerated().map { index, arguments in
      try CommandLogFiles.runTradelog(
        [
          "load", "--commands", "sqlite:\(logs[index])", "--count", "3000", "--markets", "3", "--accounts",
          "20",
        ]
          + arguments)
    }

    for run in runs { #expect(run.status == 0, "\(run.standardError)") }
    let values = try logs.map { try CommandLogFiles.records(at: $0).map(\.value) }
    #expect(values[0].count == 3000)
    #expect(values[0] == values[1])
    #expect(values[0] != values[2])
    var workload = Workload(seed: 9, configuration: WorkloadConfiguration(marketCount: 3, accountCount: 20))
    #expect(values[0] == (0..<3000).map { _ in CommandEncoder.encode(workload.next()!) })
    #expect(runs[0].standardError.contains("3000/3000 commands (100%)"))
  }

  @Test func aPacedLoadAppendsExactlyTheCountAskedFor() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = directory.file("paced.db").path

    let result = try CommandLogFiles.runTradelog([
      "load", "--commands", "sqlite:\(log)", "--count", "1234", "--rate", "50000", "--seed", "4",
    ])

    #expect(result.status == 0, "\(result.standardError)")
    #expect(try CommandLogFiles.records(at: log).count == 1234)
    // Progress goes to standard error, as plain lines when it is not a terminal.
    #expect(!result.standardError.contains("\r"))
    #expect(result.outputText.isEmpty)
  }

  @Test(arguments: [
    (["--count=-1"], "--count must be 0 or more"),
    (["--count", "10", "--rate", "0"], "--rate must be a positive number"),
    (["--count", "10", "--markets", "65"], "--markets must be 1 to 64"),
    (["--count", "10", "-X", "linger.ms=5"], "only a kafka:// log uses"),
    (["--count", "10", "-X", "=5"], "expected KEY=VALUE"),
  ])
  func rejectsBadFlagsClearly(_ arguments: [String], _ explanation: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try CommandLogFiles.runTradelog(
      ["load", "--commands", "sqlite:\(directory.file("log.db").path)"] + arguments)
    #expect(result.status != 0)
    #expect(result.standardError.contains(explanation), "\(result.standardError)")
  }
}
