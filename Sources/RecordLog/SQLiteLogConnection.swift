import Foundation
import SQLiteDatabase

/// The embedded log: one SQLite file per log, in WAL mode, that many processes append to while
/// others tail it. Conforms to `LogConnection`; see there for the contract.
///
/// The file holds a `records` table (`position` is the rowid, 0-based and gapless; `timestamp`;
/// `key`; `value`; `headers` in `RecordHeaderCodec`'s encoding) and a `meta` table (format version,
/// writer epoch). Every append is one `BEGIN IMMEDIATE` transaction that takes the write lock,
/// checks the writer epoch if this connection claimed one, reads the last position and timestamp,
/// and inserts the whole batch through one cached statement: positions stay gapless whatever the
/// number of appending processes, and a batch is all or nothing.
///
/// Not `Sendable`: one owner at a time, like the SQLite connection inside it. Open one per thread.
///
/// Nothing in a process that has a log open may open the log's files other than through SQLite,
/// not even to read a few header bytes: closing any descriptor of a file drops every POSIX lock the
/// process holds on it, SQLite's included, and another process can then reset the WAL under this
/// one's connections and lose commits (SQLite's "How To Corrupt", section 2.2; a header check here
/// did exactly that under test).
public final class SQLiteLogConnection: LogConnection {
  public let path: String
  public let options: Options
  let connection: SQLiteConnection
  let clock: any LogClock
  /// Wakes this process's tailers of the same file when this connection appends.
  let changeSignal: LogChangeSignal
  /// The epoch `claimWriter()` stored for this connection; nil if it never claimed.
  public internal(set) var writerEpoch: Int64?
  /// Reused for every record's encoded headers, so an append allocates nothing per record.
  var headerBuffer: [UInt8] = []

  /// Opens the log at `path`, creating the file and its tables if allowed and missing. Throws
  /// `notALog` for a file that is not one of ours, and `unsupportedFormat` for a newer one.
  ///
  /// The SQLite connection switches the file to WAL as it opens, before the file can be
  /// recognized: another application's database in rollback-journal mode is refused, with its data
  /// intact, but left in WAL mode.
  public init(
    path: String, options: Options = Options(), clock: any LogClock = SystemLogClock()
  )
    throws(RecordLogError)
  {
    self.path = path
    self.options = options
    self.clock = clock
    connection = try Self.openConnection(path: path, options: options)
    changeSignal = LogChangeSignal.forFile(at: path)
    try prepareSchema()
  }

  public var address: LogAddress { .sqlite(path: path) }

  /// What this log runs with, for the line a service prints at start.
  public var configurationDescription: String {
    "record log \(address) (format version \(Self.formatVersion)): \(connection.configurationDescription)"
  }

  private static func openConnection(
    path: String, options: Options
  ) throws(RecordLogError)
    -> SQLiteConnection
  {
    // SQLite would only say "unable to open database file"; the usual cause deserves its own words.
    if !options.createIfMissing, !FileManager.default.fileExists(atPath: path) {
      throw RecordLogError(
        kind: .notFound,
        message: "no log exists at sqlite:\(path): check the path, or allow creating a new log there")
    }
    let connectionOptions = SQLiteConnection.Options(
      createIfMissing: options.createIfMissing, synchronous: options.synchronous.sqliteValue,
      busyTimeoutMilliseconds: options.busyTimeoutMilliseconds)
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .milliseconds(options.busyTimeoutMilliseconds))
    var pause = openRetryPauseFirst
    while true {
      do {
        return try SQLiteConnection(path: path, options: connectionOptions)
      } catch  where error.isBusy && clock.now < deadline {
        // Connections opening a new file at once all switch it to WAL. One that already read the file
        // in rollback mode cannot wait for another's lock without risking deadlock, so SQLite fails
        // it at once with SQLITE_BUSY, busy timeout or not. Opening again finds the file in WAL mode.
        Thread.sleep(forTimeInterval: pause.timeInterval)
        pause = min(pause * 2, openRetryPauseMax)
      } catch {
        throw RecordLogError.sqlite(error, path: path, while: "opening the log")
      }
    }
  }

  private static let openRetryPauseFirst: Duration = .milliseconds(1)
  private static let openRetryPauseMax: Duration = .milliseconds(32)

  /// Runs SQLite work, turning whatever it throws into a `RecordLogError` that names the log.
  /// `operation` is only described when something failed: appends and polls build no text.
  func mappingErrors<Result>(
    while operation: @autoclosure () -> String, _ body: () throws -> Result
  ) throws(RecordLogError) -> Result {
    do {
      return try body()
    } catch {
      throw RecordLogError.sqlite(error, path: path, while: operation())
    }
  }
}
