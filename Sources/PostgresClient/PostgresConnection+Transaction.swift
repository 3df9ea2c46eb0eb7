import CLibPQ

extension PostgresConnection {
  /// Runs `body` between BEGIN and COMMIT; if `body` throws, rolls back and rethrows its error.
  ///
  /// Transactions do not nest: calling this inside `body` traps (PostgreSQL would only warn about the
  /// second BEGIN, and the inner COMMIT would commit the outer work).
  public func transaction<Value>(_ body: (PostgresConnection) throws -> Value) throws -> Value {
    precondition(
      PQtransactionStatus(connection) != PQTRANS_INTRANS
        && PQtransactionStatus(connection) != PQTRANS_INERROR,
      "transaction() does not nest: a transaction is already open on this connection")
    try execute("BEGIN")
    let value: Value
    do {
      value = try body(self)
    } catch {
      rollBackIfConnected()
      throw error
    }
    try commit()
    return value
  }

  private func commit() throws(PostgresError) {
    // PostgreSQL answers COMMIT of a transaction in which a statement failed with a successful
    // ROLLBACK, not with an error: a caught failure inside `body` would otherwise look committed.
    if PQtransactionStatus(connection) == PQTRANS_INERROR {
      rollBackIfConnected()
      throw .transactionRolledBack
    }
    let result = try execute("COMMIT")
    guard result.commandTag == "COMMIT" else { throw .transactionRolledBack }
  }

  /// Best effort: on a lost connection the server has already discarded the transaction, and the
  /// error that made us roll back is the one worth reporting.
  private func rollBackIfConnected() {
    guard isConnected else { return }
    _ = try? execute("ROLLBACK")
  }
}
