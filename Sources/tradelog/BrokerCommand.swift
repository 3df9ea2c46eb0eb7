import ArgumentParser
import Dispatch
import Foundation
import KafkaClient

/// `tradelog broker`: a local Kafka-protocol test broker (librdkafka's in-memory mock cluster) for
/// tests and development on machines without Kafka. Other processes find it through the bootstrap
/// address it prints and writes to `--bootstrap-file`; it serves until SIGINT or SIGTERM.
struct BrokerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "broker",
    abstract: "Run an in-memory Kafka-protocol test broker (librdkafka's mock cluster).",
    discussion: """
      For tests and local development only. The broker keeps everything in memory and loses it all \
      when it stops; it keeps only about 5 MiB per partition (older records are dropped silently); \
      it accepts the transactional API but writes no commit or abort markers; topics it auto-creates \
      get 4 partitions, so create yours with --topic.

      Its ports are random: the bootstrap address is printed on standard output and, with \
      --bootstrap-file, written to that file atomically once every topic exists. The file is \
      removed again on exit. SIGINT or SIGTERM stops the broker with exit status 0.

      Example: tradelog broker --topic tradelog.commands:1 --topic tradelog.events:1 \
      --bootstrap-file /tmp/broker.address
      """)

  static let brokerCountMaximum = 16

  @Option(
    help: ArgumentHelp("Number of brokers in the cluster (1 to \(brokerCountMaximum)).", valueName: "count"))
  var brokers: Int = 1

  @Option(
    name: .customLong("topic"),
    help: ArgumentHelp("A topic to create, as NAME:PARTITIONS. Repeatable.", valueName: "name:partitions"),
    transform: Topic.init(argument:))
  var topics: [Topic] = []

  @Option(help: ArgumentHelp("Write the bootstrap address to this file once ready.", valueName: "path"))
  var bootstrapFile: String?

  func validate() throws {
    guard (1...Self.brokerCountMaximum).contains(brokers) else {
      throw ValidationError("--brokers must be between 1 and \(Self.brokerCountMaximum), not \(brokers).")
    }
    if let bootstrapFile {
      let directory = URL(filePath: bootstrapFile).deletingLastPathComponent().path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        throw ValidationError("--bootstrap-file: the directory \(directory) does not exist.")
      }
    }
    var seen: [String] = []
    for topic in topics {
      guard !seen.contains(topic.name) else {
        throw ValidationError("--topic \(topic.name) is given twice: name each topic once.")
      }
      seen.append(topic.name)
    }
  }

  func run() async throws {
    // Take over the stop signals before anything else exists, so one arriving while the cluster
    // starts cannot kill the process half-way (after it wrote a bootstrap file nobody removes).
    let stopSignals = StopSignals()
    let cluster = try KafkaMockCluster(brokerCount: brokers)
    for topic in topics {
      try cluster.createTopic(topic.name, partitions: topic.partitions)
    }
    announce(cluster)
    // Last, because the file's appearance is what tells waiting processes the broker is ready.
    let writtenFile = try bootstrapFile.map { try Self.writeAtomically(cluster.bootstrapServers, to: $0) }

    let signal = await stopSignals.next()
    Self.standardError("tradelog broker: received \(signal.name), stopping; all data is discarded.")
    if let writtenFile { Self.removeIfStillOurs(writtenFile, contents: cluster.bootstrapServers) }
    withExtendedLifetime(cluster) {}
  }

  private func announce(_ cluster: KafkaMockCluster) {
    // Unbuffered, so a parent reading the pipe sees the address now, not at exit.
    FileHandle.standardOutput.write(Data((cluster.bootstrapServers + "\n").utf8))
    let topicList =
      topics.isEmpty
      ? "none (clients' auto-created topics get 4 partitions)"
      : topics.map { "\($0.name) (\($0.partitions) partitions)" }.joined(separator: ", ")
    Self.standardError(
      """
      tradelog broker: in-memory Kafka-protocol TEST broker (librdkafka mock cluster), \
      \(brokers) broker(s) at \(cluster.bootstrapServers)
        topics: \(topicList)
        It keeps only about 5 MiB per partition (older records are dropped silently), writes no \
      transaction markers, and loses everything on exit.
        Stop it with Ctrl-C or SIGTERM.
      """)
  }

  private static func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

extension BrokerCommand {
  /// A `--topic NAME:PARTITIONS` value.
  struct Topic: Sendable {
    static let partitionCountMaximum = 1_000

    let name: String
    let partitions: Int

    /// Parses and checks one value; the thrown message is what the user sees after
    /// "The value '…' is invalid for '--topic <name:partitions>'".
    init(argument: String) throws {
      guard let colon = argument.lastIndex(of: ":") else {
        throw ValidationError("expected NAME:PARTITIONS, such as trades:3")
      }
      name = String(argument[..<colon])
      guard let partitions = Int(argument[argument.index(after: colon)...]),
        (1...Self.partitionCountMaximum).contains(partitions)
      else {
        throw ValidationError(
          "the partition count after ':' must be a whole number from 1 to \(Self.partitionCountMaximum)")
      }
      self.partitions = partitions
      try Self.checkName(name)
    }

    /// Kafka's own rule for topic names: 1 to 249 characters of ASCII letters, digits, '.', '_', '-'.
    private static func checkName(_ name: String) throws {
      let allowed = name.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || ".-_".unicodeScalars.contains(scalar))
      }
      guard (1...249).contains(name.count), allowed, name != ".", name != ".." else {
        throw ValidationError(
          "the topic name must be 1 to 249 characters of ASCII letters, digits, '.', '_' and '-'")
      }
    }
  }
}

extension BrokerCommand {
  /// Writes `contents` to a temporary file beside `path` and renames it over `path`, so a reader
  /// polling for the file sees either nothing or the whole address, never a partial write.
  static func writeAtomically(_ contents: String, to path: String) throws -> URL {
    let destination = URL(filePath: path)
    let temporary = destination.deletingLastPathComponent()
      .appending(path: ".\(destination.lastPathComponent).\(getpid()).tmp")
    do {
      try write(Array((contents + "\n").utf8), toNewFile: temporary.path)
      guard rename(temporary.path, destination.path) == 0 else { throw FileError.lastError() }
    } catch {
      unlink(temporary.path)
      throw FileError(message: "cannot write the bootstrap file \(path): \(error)")
    }
    return destination
  }

  private static func write(_ bytes: [UInt8], toNewFile path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileError.lastError() }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      guard result > 0 else { throw FileError.lastError() }
      written += result
    }
  }

  /// A file operation that failed, reported as the operating system explained it.
  struct FileError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }

    static func lastError() -> FileError { FileError(message: String(cString: strerror(errno))) }
  }

  /// Removes the bootstrap file on exit, since its address dies with the broker, but only if it
  /// still holds our address: another broker may have replaced it since.
  static func removeIfStillOurs(_ file: URL, contents: String) {
    guard let current = try? String(contentsOf: file, encoding: .utf8),
      current == contents + "\n"
    else { return }
    try? FileManager.default.removeItem(at: file)
  }
}

extension BrokerCommand {
  /// The first SIGINT or SIGTERM, received through Dispatch signal sources.
  ///
  /// The signals are first ignored, so one arriving before the sources are registered cannot kill
  /// the process half-way (on Darwin, kqueue reports ignored signals anyway; on Linux, Dispatch
  /// replaces the disposition with its own handler when it registers the source). librdkafka blocks
  /// all signals in its own threads, so they never land there.
  final class StopSignals {
    struct Received: Sendable {
      let number: Int32
      var name: String { number == SIGINT ? "SIGINT" : "SIGTERM" }
    }

    private let stream: AsyncStream<Received>
    private let sources: [any DispatchSourceSignal]

    init() {
      let (stream, continuation) = AsyncStream.makeStream(of: Received.self)
      let queue = DispatchQueue(label: "tradelog.broker.signals")
      sources = [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler { continuation.yield(Received(number: number)) }
        source.resume()
        return source
      }
      self.stream = stream
    }

    deinit {
      for source in sources { source.cancel() }
    }

    func next() async -> Received {
      for await received in stream { return received }
      return Received(number: SIGTERM)
    }
  }
}
