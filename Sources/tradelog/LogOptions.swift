import ArgumentParser
import KafkaClient
import RecordLog

/// The options of every command that opens a log: librdkafka properties for a `kafka://` log (as
/// kcat's `-X`) and the durability setting of a `sqlite:` log. `open(_:createIfMissing:)` is the one
/// place a command turns an address and these options into a log connection.
struct LogOptions: ParsableArguments {
  @Option(
    name: .customShort("X", allowingJoined: true),
    help: ArgumentHelp(
      "A librdkafka property for a kafka:// log, such as -X linger.ms=5 (any property, as kcat takes "
        + "them). Repeatable; a later value for the same key wins.",
      valueName: "key=value"),
    transform: LogOptions.kafkaProperty(parsing:))
  var kafkaProperties: [KafkaConfiguration.Property] = []

  @Option(
    help: ArgumentHelp(
      "For a sqlite: log: when an append waits for the disk. full (the default) survives power loss; "
        + "normal may lose the last appends on power loss; off is for throwaway logs.",
      valueName: "mode"))
  var sqliteSynchronous: SQLiteSynchronousSetting?

  /// Opens the log at `text`. A reader passes `createIfMissing: false`, so that a mistyped path is
  /// an error instead of an empty log to wait on forever.
  func open(_ text: String, createIfMissing: Bool) throws -> any LogConnection {
    let address: LogAddress
    do {
      address = try LogAddress(parsing: text)
    } catch {
      throw LogOptionsError(message: error.message)
    }
    return try openLog(address, options: openOptions(for: address, createIfMissing: createIfMissing))
  }

  /// The options for the log at `text`, for a service that opens the log itself; a malformed address
  /// is reported as such.
  func openOptions(forAddress text: String, createIfMissing: Bool) throws -> LogOpenOptions {
    do {
      return try openOptions(for: LogAddress(parsing: text), createIfMissing: createIfMissing)
    } catch let error as RecordLogError {
      throw LogOptionsError(message: error.message)
    }
  }

  func openOptions(for address: LogAddress, createIfMissing: Bool) throws -> LogOpenOptions {
    var options = LogOpenOptions()
    switch address {
    case .sqlite:
      guard kafkaProperties.isEmpty else {
        throw LogOptionsError(
          message:
            "-X sets librdkafka properties, which only a kafka:// log uses; \(address) is an embedded log.")
      }
      options.sqlite.createIfMissing = createIfMissing
      if let sqliteSynchronous { options.sqlite.synchronous = sqliteSynchronous.setting }
    case .kafka:
      guard sqliteSynchronous == nil else {
        throw LogOptionsError(
          message: "--sqlite-synchronous applies to sqlite: logs only; \(address) is a Kafka log.")
      }
      for property in kafkaProperties { options.kafka.properties.set(property.key, property.value) }
    }
    return options
  }

  /// Parses one `-X` value; the thrown message follows "The value '…' is invalid for '-X <key=value>'".
  static func kafkaProperty(parsing text: String) throws -> KafkaConfiguration.Property {
    guard let property = try? KafkaConfiguration.Property(parsing: text),
      !property.key.contains(where: \.isWhitespace)
    else {
      throw ValidationError("expected KEY=VALUE with a non-empty key, such as -X linger.ms=5")
    }
    return property
  }
}

/// Log options that do not fit the address they were given with. Not a `ValidationError`: the
/// address is known only when the command runs, and a usage text would hide the message.
struct LogOptionsError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

/// `--sqlite-synchronous`: SQLite's `synchronous` setting in WAL mode.
enum SQLiteSynchronousSetting: String, ExpressibleByArgument, CaseIterable {
  case off, normal, full, extra

  var setting: SQLiteLogConnection.Synchronous {
    switch self {
    case .off: .off
    case .normal: .normal
    case .full: .full
    case .extra: .extra
    }
  }
}
