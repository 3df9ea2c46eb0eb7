import PostgresClient
import TradelogCore

/// One row in COPY text format, built field by field without an array of optionals per row: the
/// projector writes hundreds of thousands of rows per second through these.
struct CopyRow {
  private(set) var text = ""
  private var isEmpty = true

  private mutating func separate() {
    if isEmpty {
      isEmpty = false
    } else {
      text.append("\t")
    }
  }

  mutating func add(_ value: Int64) {
    separate()
    text.append(String(value))
  }

  mutating func add(_ value: UInt64) {
    separate()
    text.append(String(value))
  }

  mutating func add(_ value: Int32) {
    add(Int64(value))
  }

  mutating func add(_ value: Int) {
    add(Int64(value))
  }

  /// Names from events may hold any byte but zero: escape them. Bytes that are not UTF-8 become
  /// U+FFFD, since a UTF-8 database refuses them (and would stop the projection).
  mutating func add(_ symbol: Symbol) {
    add(text: symbol.description)
  }

  mutating func add(text value: String) {
    separate()
    text.append(PostgresCopyText.escape(value))
  }

  /// A name of `SQLNames`: known not to need escaping.
  mutating func add(name value: String) {
    separate()
    text.append(value)
  }

  mutating func addNull() {
    separate()
    text.append("\\N")
  }
}
