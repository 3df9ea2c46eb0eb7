import CLibPQ

/// An error the server reported for a statement, with the fields libpq exposes for it.
public struct PostgresServerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The five-character SQLSTATE code, such as `23505` (unique violation) or `42P01` (undefined table).
  public let sqlState: String
  /// `ERROR`, `FATAL` or `PANIC`, never translated.
  public let severity: String
  /// The primary, human-readable message.
  public let message: String
  /// A secondary message with more detail, such as which key was duplicated.
  public let detail: String?
  /// A suggestion of what to do, when the server has one.
  public let hint: String?
  /// The constraint that was violated, for constraint violations.
  public let constraint: String?

  public init(
    sqlState: String, severity: String, message: String, detail: String? = nil, hint: String? = nil,
    constraint: String? = nil
  ) {
    self.sqlState = sqlState
    self.severity = severity
    self.message = message
    self.detail = detail
    self.hint = hint
    self.constraint = constraint
  }

  /// Reads the error fields of a failed result; nil when the error came from libpq itself and so
  /// carries no SQLSTATE.
  init?(result: OpaquePointer) {
    guard let sqlState = Self.field(DiagnosticField.sqlState, of: result) else { return nil }
    self.sqlState = sqlState
    severity = Self.field(DiagnosticField.severityNonLocalized, of: result) ?? "ERROR"
    message =
      Self.field(DiagnosticField.messagePrimary, of: result)
      ?? String(cString: PQresultErrorMessage(result))
    detail = Self.field(DiagnosticField.messageDetail, of: result)
    hint = Self.field(DiagnosticField.messageHint, of: result)
    constraint = Self.field(DiagnosticField.constraintName, of: result)
  }

  private static func field(_ code: Int32, of result: OpaquePointer) -> String? {
    guard let value = PQresultErrorField(result, code) else { return nil }
    return String(cString: value)
  }

  /// The field codes of postgres_ext.h (`PG_DIAG_SQLSTATE` and so on). They are character-literal
  /// macros (`'C'`), which Swift does not import, so they are repeated here.
  private enum DiagnosticField {
    static let sqlState = code("C")
    static let severityNonLocalized = code("V")
    static let messagePrimary = code("M")
    static let messageDetail = code("D")
    static let messageHint = code("H")
    static let constraintName = code("n")

    private static func code(_ letter: Unicode.Scalar) -> Int32 { Int32(UInt8(ascii: letter)) }
  }

  public var description: String {
    var text = "PostgreSQL \(severity) \(sqlState): \(message)"
    if let detail { text += " (\(detail))" }
    if let hint { text += " Hint: \(hint)" }
    return text
  }
}
