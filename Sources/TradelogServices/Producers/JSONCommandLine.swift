import Foundation
import SwiftProtobuf
import TradelogCore
import TradelogWire

/// One line of a JSON-lines command file, checked before it becomes a command record: a producer
/// that appends a line the decoder cannot read would put a poison record on the log (the sequencer
/// answers it with `commandRejected(MALFORMED)`), so producers refuse such lines and say why.
///
/// What the engine judges (an unknown market, a zero quantity, an account that does not exist) is
/// not checked here: such a command is well-formed and its rejection is an event.
public enum JSONCommandLine {
  /// The command names a line may use, in schema order, for error messages.
  static let commandNames = [
    "createMarket", "deposit", "withdraw", "placeOrder", "cancelOrder", "cancelAll", "reduceOrder",
  ]

  /// True for a line holding nothing but spaces, tabs or a carriage return: producers skip such lines
  /// instead of appending empty (MALFORMED) records.
  public static func isBlank(_ text: some StringProtocol) -> Bool {
    text.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
  }

  /// Decodes `text` (one line, without its line break) into a command, or throws why it is not one.
  public static func command(from text: String) throws(JSONCommandLineError) -> Command {
    let command = CommandDecoder.decode(jsonLine: text)
    guard command == .unreadable else { return command }
    // The slow path runs only for a bad line: find out why it did not decode.
    throw JSONCommandLineError(reason: reasonUnreadable(text))
  }

  /// Why `text` is not a command: JSON syntax first (Foundation's parser says where it broke), then
  /// the shape, then the schema (SwiftProtobuf's decoder names the field or value it refused).
  static func reasonUnreadable(_ text: String) -> String {
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      return "it is not valid JSON" + (detail.map { " (\($0))" } ?? "")
    }
    guard let object = parsed as? [String: Any] else {
      return "it is not a JSON object; write one object per line, such as " + #"{"deposit":{...}}"#
    }
    guard !object.isEmpty else {
      return "the object names no command; use one of \(commandNames.joined(separator: ", "))"
    }
    do {
      _ = try Tradelog_V1_Command(jsonString: text)
    } catch let error as JSONDecodingError {
      return reason(for: error)
    } catch {
      return "it does not match the tradelog.v1 command schema (\(error))"
    }
    return "the object names no command; use one of \(commandNames.joined(separator: ", "))"
  }

  private static func reason(for error: JSONDecodingError) -> String {
    switch error {
    case .unknownField(let name) where !name.isEmpty:
      "the field \"\(name)\" is not in the tradelog.v1 schema where it appears (a command is one of "
        + "\(commandNames.joined(separator: ", ")); field names are lowerCamelCase, as in the schema's JSON)"
    case .unrecognizedEnumValue:
      "an enumeration value is not one the schema knows (e.g. side is BUY or SELL, type LIMIT or MARKET)"
    case .conflictingOneOf:
      "the object holds more than one command; write one command per line"
    case .malformedNumber, .numberRange, .leadingZero:
      "a number is malformed or out of range for its field (64-bit integers may be numbers or strings)"
    case .malformedString, .invalidUTF8:
      "a string is malformed or not valid UTF-8"
    case .malformedBool:
      "a field expects true or false"
    case .illegalNull:
      "a field is null where the schema wants a value; leave the field out instead"
    case .trailingGarbage:
      "there is text after the JSON object; write one object per line"
    case .truncated:
      "the JSON ends before the object does"
    default:
      "it does not match the tradelog.v1 command schema (\(error))"
    }
  }
}
