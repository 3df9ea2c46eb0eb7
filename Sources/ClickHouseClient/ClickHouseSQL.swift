/// Escaping for values and names placed in ClickHouse SQL text. ClickHouse 18.16 has no query
/// parameters, so this is the only safe way to put data from outside into a statement.
public enum ClickHouseSQL {
  /// A string literal: `O'Brien` becomes `'O\'Brien'`. Backslashes are escapes inside ClickHouse
  /// literals, so they are doubled too.
  public static func stringLiteral(_ value: String) -> String {
    "'" + escaped(value, quote: "'") + "'"
  }

  /// An identifier (table, column, database name) in backquotes, for names that are keywords or hold
  /// characters outside `[A-Za-z0-9_]`.
  public static func identifier(_ name: String) -> String {
    "`" + escaped(name, quote: "`") + "`"
  }

  private static func escaped(_ value: String, quote: Character) -> String {
    var text = ""
    text.reserveCapacity(value.utf8.count + 2)
    for character in value {
      if character == "\\" || character == quote { text.append("\\") }
      text.append(character)
    }
    return text
  }
}
