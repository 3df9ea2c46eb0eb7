import Foundation
import KafkaClient
import RecordLog

extension PipelineRun {
  /// What the raw rate was measured with, and the rate.
  struct RawRate {
    var name: String
    var recordsPerSecond: Double
  }

  /// Appends `values` to a fresh log with nothing else running, timed: RecordLog's SQLite backend
  /// in the sequencer's batch size, or `kcat -P` producing them to the same mock broker.
  func rawAppendRate(of values: [[UInt8]]) throws -> RawRate {
    switch backend.kind {
    case .sqlite:
      let log = try backend.open(try backend.newLog("raw-\(values.count)"))
      let seconds = try timedAppends(of: values, to: log)
      return RawRate(name: "raw RecordLog appends", recordsPerSecond: Double(values.count) / seconds)
    case .kafka(let cluster):
      let claimed = try claimedAppendRate(of: values)
      print("  our claimed writer alone (transactions of 4,096 records): \(grouped(claimed)) records/s")
      let seconds = try kcatProduce(values, cluster: cluster)
      return RawRate(name: "raw kcat -P", recordsPerSecond: Double(values.count) / seconds)
    }
  }

  /// Appends `values` through a claimed log connection, as the sequencer's appender does, with
  /// nothing else running: where the writer's own cost ends and the pipeline's begins.
  private func claimedAppendRate(of values: [[UInt8]]) throws -> Double {
    let log = try backend.open(try backend.newLog("raw-claimed-\(values.count)"))
    try log.claimWriter()
    return Double(values.count) / (try timedAppends(of: values, to: log))
  }

  /// Seconds to append `values` to `log` in appends of the sequencer's batch size.
  private func timedAppends(of values: [[UInt8]], to log: any LogConnection) throws -> Double {
    try RunMeasurement.of { try Self.append(values, to: log, batch: 4_096) }.seconds
  }

  /// Event batches hold any byte: records are separated by a delimiter no batch contains (a batch
  /// that did would split in two, and the count check below would fail).
  static let kcatDelimiter = "\n%%tradelog-record-end%%\n"

  private func kcatProduce(_ values: [[UInt8]], cluster: KafkaMockCluster) throws -> Double {
    let topic = "raw-kcat-\(values.count)"
    let address = try backend.newLog(topic)
    let delimiter = Array(Self.kcatDelimiter.utf8)
    var file: [UInt8] = []
    for value in values {
      file += value
      file += delimiter
    }
    let path = directory.appending(path: "\(topic).input")
    try Data(file).write(to: path)
    let process = Process()
    process.executableURL = URL(filePath: "/usr/bin/kcat")
    process.arguments =
      [
        "-P", "-b", cluster.bootstrapServers, "-t", topic, "-p", "0", "-D", Self.kcatDelimiter, "-l",
        path.path,
      ]
      + PipelineBackend.kafkaProperties.flatMap { ["-X", $0] }
    let measured = try RunMeasurement.of {
      try process.run()
      process.waitUntilExit()
    }
    guard process.terminationStatus == 0 else {
      throw PipelineBenchmarkError("kcat exited with status \(process.terminationStatus)")
    }
    let produced = try backend.open(address).endPosition()
    guard produced == Int64(values.count) else {
      throw PipelineBenchmarkError("kcat produced \(produced) records of \(values.count)")
    }
    return measured.seconds
  }
}
