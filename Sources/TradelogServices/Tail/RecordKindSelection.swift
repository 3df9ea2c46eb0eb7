/// What a reader takes a log's records to be.
public enum RecordKindSelection: String, Sendable, CaseIterable {
  /// Decide per record by its content (see `TailedRecord.init(classifying:as:)`).
  case auto
  /// Every record is a command record (binary, or JSON with `content-type: application/json`).
  case commands
  /// Every record is an event batch; one that is not is an error.
  case events
}
