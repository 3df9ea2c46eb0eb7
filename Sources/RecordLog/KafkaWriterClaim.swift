/// A claimed writer's claim record, and how far the claimant has checked the log for a newer one.
/// It decides; the connection does the I/O.
///
/// Why a record in the log and not only the `transactional.id`: a Kafka broker fences the previous
/// producer of a `transactional.id` when a new one registers (it bumps the id's epoch), but
/// librdkafka's mock cluster hands the new producer a new id and leaves the old one valid, and other
/// Kafka-protocol brokers may behave alike. So `claimWriter()` also appends a claim record (empty
/// value, one header `tradelog.writer-claim` holding a token unique to that claim), and before each
/// append a claimant looks at what was appended since it last looked: a claim record with another
/// token means a newer writer took over, and the append throws `fenced` without writing anything.
///
/// Only the positions not checked yet are read: after an append that landed right where the check
/// ended, the claimant's own records need no check. A lone writer therefore reads nothing on the
/// mock cluster, and on a Kafka broker only the commit marker's offset (which holds no record).
///
/// The check and the append that follows are two steps, so on a broker that does not fence, a
/// claim landing between them is seen at the next append, one batch late. On a broker that fences,
/// the transaction's commit fails instead and nothing of the batch is visible to `read_committed`
/// readers.
///
/// Claim records take positions like any record; readers of this log skip them. Other consumers of
/// the topic (kcat, other languages) see them and must skip records carrying this header.
struct KafkaWriterClaim {
  /// The header that marks a claim record. Records carrying it are never returned by a read.
  static let headerName = "tradelog.writer-claim"

  /// Unique to this claim: the log's `transactional.id` and a random part.
  let token: String
  /// No claim other than this one exists before this position.
  private(set) var checkedEnd: Int64

  /// A claim whose record landed at `position`.
  init(token: String, position: Int64) {
    self.token = token
    checkedEnd = position + 1
  }

  /// The claim record to append for a claim with `token`.
  static func record(token: String) -> NewRecord {
    NewRecord(value: [], headers: [RecordHeader(name: headerName, value: Array(token.utf8))])
  }

  /// Whether `record` is a claim record (of any claimant).
  static func isClaim(_ record: LogRecord) -> Bool {
    record.headers.contains { $0.name == headerName }
  }

  /// The positions to read before the next append, given that the log now ends at `end`; nil when
  /// all of them were checked.
  func uncheckedPositions(before end: Int64) -> Range<Int64>? {
    end > checkedEnd ? checkedEnd..<end : nil
  }

  /// The first claim of another claimant among `records`, if any.
  func newerClaim(in records: [LogRecord]) -> LogRecord? {
    records.first { record in
      Self.isClaim(record) && record.header(Self.headerName) != Array(token.utf8)
    }
  }

  /// Records that every position before `end` was checked.
  mutating func checked(upTo end: Int64) {
    checkedEnd = max(checkedEnd, end)
  }

  /// Records an append that landed at `positions`: when it began where the check ended, nothing
  /// came between, and the check now ends after it.
  mutating func appended(at positions: [Int64]) {
    guard let first = positions.first, let last = positions.last, first == checkedEnd else { return }
    checkedEnd = last + 1
  }
}
