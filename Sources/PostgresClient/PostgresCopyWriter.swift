/// Collects rows for a running `COPY … FROM STDIN` and sends them to the server in chunks of about
/// ``chunkSizeBytes``, so a load of millions of rows needs neither a round trip per row nor the whole
/// load in memory. Only valid inside the `copyIn` call that made it.
public struct PostgresCopyWriter {
  /// Large enough that the per-call overhead of PQputCopyData vanishes; small enough to stay in cache.
  public static let chunkSizeBytes = 256 * 1024

  private let connection: PostgresConnection
  private var buffer: [UInt8] = []

  /// The rows appended so far.
  public private(set) var rowCount = 0

  init(connection: PostgresConnection) {
    self.connection = connection
    buffer.reserveCapacity(Self.chunkSizeBytes + 4096)
  }

  /// Appends one row; each field is escaped for COPY's text format, nil is NULL. The number of fields
  /// must match the COPY's column list, or the server fails the whole COPY at its end.
  public mutating func append(_ fields: [String?]) throws(PostgresError) {
    for (index, field) in fields.enumerated() {
      if index > 0 { buffer.append(PostgresCopyText.fieldSeparator) }
      PostgresCopyText.appendEscaped(field, to: &buffer)
    }
    buffer.append(PostgresCopyText.rowSeparator)
    rowCount += 1
    if buffer.count >= Self.chunkSizeBytes { try flush() }
  }

  /// Appends one row already in COPY text format, without its final newline (see ``PostgresCopyText``).
  public mutating func append(escapedRow: String) throws(PostgresError) {
    buffer.append(contentsOf: escapedRow.utf8)
    buffer.append(PostgresCopyText.rowSeparator)
    rowCount += 1
    if buffer.count >= Self.chunkSizeBytes { try flush() }
  }

  /// Sends what is buffered.
  mutating func flush() throws(PostgresError) {
    guard !buffer.isEmpty else { return }
    try connection.putCopyData(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

@available(*, unavailable, message: "a COPY writer belongs to its connection's thread")
extension PostgresCopyWriter: Sendable {}
