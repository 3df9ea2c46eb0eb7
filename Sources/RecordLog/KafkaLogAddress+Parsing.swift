extension KafkaLogAddress {
  /// Parses what follows `kafka:` in `text` (the whole address, for error messages).
  init(parsingAfterScheme afterScheme: Substring, in text: String) throws(RecordLogError) {
    guard afterScheme.hasPrefix("//") else {
      throw LogAddress.invalid(text, "a Kafka address starts with kafka:// and then the brokers")
    }
    let body = afterScheme.dropFirst(2)
    let query = body.firstIndex(of: "?").map { body[body.index(after: $0)...] }
    let location = body.prefix { $0 != "?" }
    guard let slash = location.firstIndex(of: "/") else {
      throw LogAddress.invalid(text, "it names no topic: write kafka://HOST:PORT/TOPIC")
    }
    let brokerList = location[..<slash]
    let topic = location[location.index(after: slash)...]
    guard !brokerList.isEmpty else {
      throw LogAddress.invalid(text, "it names no broker: write kafka://HOST:PORT/TOPIC")
    }
    var brokers: [Broker] = []
    for entry in brokerList.split(separator: ",", omittingEmptySubsequences: false) {
      brokers.append(try Broker(parsing: entry, in: text))
    }
    try Self.validateTopic(topic, in: text)
    self.init(brokers: brokers, topic: String(topic), options: try Self.options(query ?? "", in: text))
  }

  /// Kafka's own rule for topic names: 1 to 249 of `a-z A-Z 0-9 . _ -`, and not `.` or `..`.
  private static func validateTopic(_ topic: Substring, in text: String) throws(RecordLogError) {
    guard !topic.isEmpty else {
      throw LogAddress.invalid(text, "it names no topic after the brokers: write kafka://HOST:PORT/TOPIC")
    }
    let isAllowed = topic.utf8.allSatisfy { byte in
      ASCII.isLetterOrDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "-")
    }
    guard isAllowed, topic.utf8.count <= 249, topic != ".", topic != ".." else {
      throw LogAddress.invalid(
        text,
        "`\(topic)` is not a valid Kafka topic name: use 1 to 249 letters, digits, `.`, `_` or `-` "
          + "(and not `.` or `..` alone)")
    }
  }

  private static func options(_ query: Substring, in text: String) throws(RecordLogError) -> [Option] {
    guard !query.isEmpty else { return [] }
    var options: [Option] = []
    for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw LogAddress.invalid(text, "the option `\(pair)` is not of the form NAME=VALUE")
      }
      guard let name = PercentEncoding.decode(pair[..<equals]),
        let value = PercentEncoding.decode(pair[pair.index(after: equals)...])
      else {
        throw LogAddress.invalid(
          text, "the option `\(pair)` has a bad percent escape: write %HH with two hex digits, as UTF-8")
      }
      guard !options.contains(where: { $0.name == name }) else {
        throw LogAddress.invalid(text, "the option `\(name)` is given twice")
      }
      options.append(Option(name: name, value: value))
    }
    return options
  }
}

extension KafkaLogAddress.Broker {
  /// Parses `host`, `host:port`, `[ipv6]` or `[ipv6]:port`.
  init(parsing entry: Substring, in text: String) throws(RecordLogError) {
    guard !entry.isEmpty else {
      throw LogAddress.invalid(text, "the broker list has an empty entry: separate brokers with one comma")
    }
    let host: Substring
    let portText: Substring?
    if entry.hasPrefix("[") {
      guard let close = entry.firstIndex(of: "]") else {
        throw LogAddress.invalid(text, "the broker `\(entry)` opens `[` but never closes it")
      }
      host = entry[entry.index(after: entry.startIndex)..<close]
      let afterHost = entry[entry.index(after: close)...]
      guard afterHost.isEmpty || afterHost.hasPrefix(":") else {
        throw LogAddress.invalid(text, "the broker `\(entry)` has text after `]` that is not `:PORT`")
      }
      portText = afterHost.isEmpty ? nil : afterHost.dropFirst()
      try Self.validate(host, in: text, entry: entry, isIPv6: true)
    } else {
      let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count <= 2 else {
        throw LogAddress.invalid(
          text, "the broker `\(entry)` has more than one `:`: write an IPv6 address in brackets, [::1]:9092")
      }
      host = parts[0]
      portText = parts.count == 2 ? parts[1] : nil
      try Self.validate(host, in: text, entry: entry, isIPv6: false)
    }
    self.init(host: String(host), port: try Self.port(portText, in: text, entry: entry))
  }

  private static func validate(
    _ host: Substring, in text: String, entry: Substring, isIPv6: Bool
  ) throws(RecordLogError) {
    let isAllowed = host.utf8.allSatisfy { byte in
      isIPv6
        ? ASCII.isHexDigit(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        : ASCII.isLetterOrDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "_")
    }
    guard !host.isEmpty, isAllowed else {
      let expected =
        isIPv6 ? "an IPv6 address (hex digits and colons)" : "a host name or IP address"
      throw LogAddress.invalid(text, "the broker `\(entry)` does not start with \(expected)")
    }
  }

  private static func port(
    _ portText: Substring?, in text: String, entry: Substring
  ) throws(RecordLogError)
    -> Int
  {
    guard let portText else { return KafkaLogAddress.defaultPort }
    guard portText.utf8.allSatisfy(ASCII.isDigit), let port = Int(portText), (1...65_535).contains(port)
    else {
      throw LogAddress.invalid(
        text, "the broker `\(entry)` has port `\(portText)`: use a number from 1 to 65535")
    }
    return port
  }
}
