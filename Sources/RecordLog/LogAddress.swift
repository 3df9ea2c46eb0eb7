/// Where a log lives, written like a URL: `sqlite:PATH` for the embedded log (one SQLite file per
/// log), `kafka://HOST:PORT[,HOST:PORT]/TOPIC[?NAME=VALUE&...]` for a Kafka topic.
///
/// `LogAddress(parsing:)` turns text into an address or throws `invalidAddress` saying what is wrong
/// with it; `description` writes an address back as text that parses to the same address.
public enum LogAddress: Sendable, Equatable, CustomStringConvertible {
  /// The embedded log in the SQLite file at `path` (relative to the working directory, or absolute).
  case sqlite(path: String)
  case kafka(KafkaLogAddress)

  public var description: String {
    switch self {
    case .sqlite(let path): "sqlite:\(path)"
    case .kafka(let address): address.description
    }
  }

  /// An example of each form, for error messages.
  static let examples = "sqlite:data/commands.db or kafka://localhost:9092/tradelog.commands"
}
