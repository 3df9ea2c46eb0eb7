/// Opens the log at `address` with the backend its scheme names: what every service and command
/// calls, so that none of them depends on a backend.
public func openLog(
  _ address: LogAddress, options: LogOpenOptions = LogOpenOptions()
) throws(RecordLogError)
  -> any LogConnection
{
  switch address {
  case .sqlite(let path):
    return try SQLiteLogConnection(path: path, options: options.sqlite, clock: options.clock)
  case .kafka(let kafkaAddress):
    return try KafkaLogConnection(address: kafkaAddress, options: options.kafka, clock: options.clock)
  }
}

/// Parses `address` (`sqlite:PATH` or `kafka://HOST:PORT/TOPIC`), then opens the log there. An
/// unknown scheme or a malformed address throws `invalidAddress`, saying what is wrong.
public func openLog(
  _ address: String, options: LogOpenOptions = LogOpenOptions()
) throws(RecordLogError)
  -> any LogConnection
{
  try openLog(LogAddress(parsing: address), options: options)
}

/// How `openLog` opens a log: the options of each backend (only the address's backend uses its
/// own), and the clock that stamps appended records.
public struct LogOpenOptions: Sendable {
  public var sqlite: SQLiteLogConnection.Options
  /// Carries the librdkafka properties given as `-X key=value` (`kafka.setProperty(parsing:)`).
  public var kafka: KafkaLogConnection.Options
  public var clock: any LogClock

  public init(
    sqlite: SQLiteLogConnection.Options = SQLiteLogConnection.Options(),
    kafka: KafkaLogConnection.Options = KafkaLogConnection.Options(),
    clock: any LogClock = SystemLogClock()
  ) {
    self.sqlite = sqlite
    self.kafka = kafka
    self.clock = clock
  }
}
