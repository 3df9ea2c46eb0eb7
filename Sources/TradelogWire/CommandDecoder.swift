import SwiftProtobuf
import TradelogCore

/// Reads command records, binary or JSON, into core commands. It never throws and never traps: a
/// record it cannot read is `Command.unreadable`, which the engine answers with
/// `commandRejected(MALFORMED)`, so a poison record never stops the pipeline.
///
/// What is read is carried as read: an enumeration number the schema does not know becomes the
/// core's `unrecognized`, a name that does not fit a `Symbol` becomes `Symbol.unreadable` (`?`);
/// the engine rejects both as MALFORMED and reports the rest of the command.
public enum CommandDecoder {
  /// Unknown fields are dropped while decoding rather than kept: the core has no place for them, and
  /// keeping them would copy bytes for nothing.
  private static let binaryOptions: BinaryDecodingOptions = {
    var options = BinaryDecodingOptions()
    options.discardUnknownFields = true
    return options
  }()

  /// Decodes one binary (protobuf) command record. An empty record, bytes that are not a
  /// `tradelog.v1.Command`, or a record with no command this version knows are `.unreadable`.
  public static func decode(_ bytes: [UInt8]) -> Command {
    bytes.withUnsafeBytes { decode($0) }
  }

  /// Decodes one binary command record in place, without copying it (a record of a log's read
  /// buffer). The bytes need to stay valid only for the duration of the call.
  ///
  /// Read by `WireReader`, not through SwiftProtobuf's message objects, which cost the sequencer
  /// more than the engine's work; the result is the same for every input (`decodeThroughMessages`).
  public static func decode(_ bytes: UnsafeRawBufferPointer) -> Command {
    var reader = WireReader(bytes)
    return (try? Command(reading: &reader)) ?? .unreadable
  }

  /// Decodes one binary command record through SwiftProtobuf's message objects: the reference the
  /// direct decoder is tested and measured against.
  @_spi(WireReference)
  public static func decodeThroughMessages(_ bytes: UnsafeRawBufferPointer) -> Command {
    guard let message = try? Tradelog_V1_Command(serializedBytes: bytes.bytes, options: binaryOptions) else {
      return .unreadable
    }
    return Command(wire: message)
  }

  /// Decodes one JSON command (a line of a command file, without its line break, or a record sent
  /// as `application/json`): an object with one key, the command's name, as SEMANTICS.md shows.
  /// 64-bit integers may be numbers or strings. A blank line, text that is not a JSON object of
  /// the schema (an unknown key or enumeration name included), or an object with no command is
  /// `.unreadable`.
  public static func decode(jsonLine: String) -> Command {
    guard let message = try? Tradelog_V1_Command(jsonString: jsonLine) else { return .unreadable }
    return Command(wire: message)
  }

  /// Decodes one JSON command given as UTF-8 bytes; see `decode(jsonLine:)`.
  public static func decode(jsonUTF8 bytes: [UInt8]) -> Command {
    guard let message = try? Tradelog_V1_Command(jsonUTF8Bytes: bytes) else { return .unreadable }
    return Command(wire: message)
  }
}
