extension AuditReport {
  /// The report as `tradelog audit` prints it: the verdict, the figures, the notes, every finding,
  /// then the first divergence with the command and both batches as JSON lines.
  public var text: String {
    var lines = [
      passed ? "audit: PASSED" : "audit: FAILED (\(findings.count) finding\(findings.count == 1 ? "" : "s"))",
      "commands verified:  \(commandsVerified) (commands log end position \(commandsEndPosition))",
      "event batches read: \(batchesRead)",
      "rate:               \(Int(commandsPerSecond.rounded())) commands/s in \(LoadProgress.formatSeconds((elapsed / .seconds(1))))",
      "invariant checks:   \(invariantChecks)",
      "snapshots checked:  \(snapshotsChecked)",
      "state hash:         \(stateHash.hexadecimal)",
    ]
    lines += notes.map { "note: \($0)" }
    for (index, finding) in findings.enumerated() {
      lines.append("finding \(index + 1) (\(finding.kind)): \(finding.message)")
    }
    if let divergence { lines += divergence.textLines }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension AuditDivergence {
  var textLines: [String] {
    let position = commandPosition.map { "command position \($0)" } ?? "no command"
    return [
      "first divergence: seq \(seq), \(position), events log position \(eventsPosition); differs in "
        + differingFields.joined(separator: ", "),
      "  command:  \(commandJSON ?? "-")",
      "  expected: \(expectedJSON ?? "-")",
      "  found:    \(foundJSON)",
    ]
  }
}

extension [UInt8] {
  var hexadecimal: String {
    isEmpty ? "-" : map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }
}
