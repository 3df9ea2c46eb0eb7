import RecordLog
import TradelogCore
import TradelogWire

/// Turns a command record into a command: protobuf unless the record says
/// `content-type: application/json`. Never fails: bytes that do not decode are `Command.unreadable`,
/// which the engine answers with `commandRejected(MALFORMED)`.
public enum CommandRecordDecoder {
  static let contentTypeHeader = "content-type"
  static let jsonContentType = Array("application/json".utf8)

  public static func command(of record: LogRecord) -> Command {
    if isJSON(record) {
      return CommandDecoder.decode(jsonUTF8: record.value)
    }
    return record.value.withUnsafeBytes { CommandDecoder.decode($0) }
  }

  /// Header names are compared without regard to case, as HTTP's are: producers write them both ways.
  static func isJSON(_ record: LogRecord) -> Bool {
    for header in record.headers where header.name.lowercased() == contentTypeHeader {
      return header.value == jsonContentType
    }
    return false
  }
}
